import { AppError } from "../../errors";
import { queueNames, type QueueName } from "../../queues/contracts";
import { queue } from "../../queues/connection";
import { db } from "../../db";

export async function listFailedJobs(name: QueueName, page = 0, pageSize = 20) {
  const jobs = await queue(name).getFailed(page * pageSize, page * pageSize + pageSize - 1);
  return jobs.map((j) => ({
    id: j.id!,
    name: j.name,
    data: j.data as Record<string, unknown>,
    attemptsMade: j.attemptsMade,
    failedReason: j.failedReason,
    finishedOn: j.finishedOn ? new Date(j.finishedOn) : null,
  }));
}

export async function retryJob(name: QueueName, jobId: string, by?: string) {
  if (!queueNames.includes(name)) throw new AppError("BAD_REQUEST", `Unknown queue ${name}`);
  const job = await queue(name).getJob(jobId);
  if (!job) throw new AppError("NOT_FOUND", `Job ${jobId} is no longer in ${name}`);
  if (!(await job.isFailed())) throw new AppError("CONFLICT", "Only failed jobs can be retried");
  await job.retry();
  await db.auditLog.create({ data: { actorId: by, action: "job.retry", entityType: "job", entityId: `${name}:${jobId}` } });
  return { ok: true };
}

export async function recentJobRuns(opts: { queue?: QueueName; status?: "QUEUED" | "RUNNING" | "DONE" | "FAILED"; cursor?: string; take?: number }) {
  const take = opts.take ?? 25;
  const rows = await db.jobRun.findMany({
    where: { queue: opts.queue, status: opts.status },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    ...(opts.cursor ? { cursor: { id: opts.cursor }, skip: 1 } : {}),
  });
  return { items: rows.slice(0, take), nextCursor: rows.length > take ? rows[take - 1].id : null };
}
