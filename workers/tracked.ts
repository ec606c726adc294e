import type { Job } from "bullmq";
import { db } from "../server/db";
import { log } from "../server/log";
import { parsePayload, type QueueName, type QueuePayload } from "../server/queues/contracts";

export type Processor<Q extends QueueName> = (payload: QueuePayload<Q>, job: Job) => Promise<unknown>;

/**
 * Wraps a processor: parses the payload with the queue contract and records a JobRun row
 * (one per job, attempts counted) so the dashboard shows runs, timings and errors.
 * Rethrows so BullMQ retries with backoff.
 */
export function tracked<Q extends QueueName>(queue: Q, fn: Processor<Q>) {
  return async (job: Job) => {
    const id = `${queue}-${job.id}`;
    const started = Date.now();
    const payload = parsePayload(queue, job.data);
    await db.jobRun.upsert({
      where: { id },
      create: { id, queue, name: job.name, entityId: entityOf(payload), status: "RUNNING", attempts: 1, payload: payload as object, startedAt: new Date() },
      update: { status: "RUNNING", attempts: { increment: 1 }, startedAt: new Date(), error: null },
    });
    try {
      const result = await fn(payload, job);
      await db.jobRun.update({
        where: { id },
        data: { status: "DONE", finishedAt: new Date(), durationMs: Date.now() - started, result: (result ?? undefined) as object | undefined },
      });
      return result;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      log.warn({ queue, jobId: job.id, attempt: job.attemptsMade + 1, err: message }, "job failed");
      await db.jobRun
        .update({ where: { id }, data: { status: "FAILED", finishedAt: new Date(), durationMs: Date.now() - started, error: message.slice(0, 2000) } })
        .catch(() => undefined);
      throw err;
    }
  };
}

function entityOf(p: Record<string, unknown>): string | undefined {
  for (const k of ["designId", "publicationId", "commissionId", "orderId", "externalId", "eventId", "refundId", "sourceKey", "listingId", "postId"]) {
    if (typeof p[k] === "string") return p[k] as string;
  }
  return undefined;
}
