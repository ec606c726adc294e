import { db } from "../../db";
import { enqueue } from "../../queues/enqueue";
import { queue } from "../../queues/connection";
import { sourceForKey } from "./sources/registry";

// "Run ingest now" from the dashboard: queue a job; the worker's JobRun row (id ingest-<jobId>)
// is the status the page polls.

export async function requestIngest(sourceKey: string, by?: string) {
  const source = await sourceForKey(sourceKey);
  const job = await enqueue("ingest", { sourceKey: source.key });
  const jobRunId = `ingest-${job.id}`;
  await db.auditLog.create({ data: { actorId: by, action: "ingest.request", entityType: "source", entityId: source.id, data: { jobRunId } } });
  return { jobId: job.id ?? null, jobRunId };
}

/**
 * Where a requested ingest stands: the worker's JobRun row once it started, else the queue's view
 * (waiting for a worker, delayed, or gone).
 */
export async function ingestRunStatus(jobRunId: string) {
  const run = await db.jobRun.findUnique({ where: { id: jobRunId } });
  if (run && run.queue === "ingest") return { state: run.status, queueState: null, run };
  const queueState = await queue("ingest").getJobState(jobRunId.replace(/^ingest-/, "")).catch(() => "unknown");
  return { state: queueState === "unknown" ? ("UNKNOWN" as const) : ("QUEUED" as const), queueState, run: null };
}
