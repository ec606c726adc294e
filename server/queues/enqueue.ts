import type { JobsOptions } from "bullmq";
import { parsePayload, queueDefaults, type QueueName, type QueuePayload } from "./contracts";
import { queue } from "./connection";

/**
 * Add a job. `jobId` makes the add idempotent: the same id while a job is waiting, active or kept
 * as completed is not added twice. The DB row is the status; the queue only delivers.
 */
export async function enqueue<Q extends QueueName>(
  name: Q,
  payload: QueuePayload<Q>,
  opts: { jobId?: string; priority?: number; delay?: number } = {},
) {
  const data = parsePayload(name, payload);
  const d = queueDefaults[name];
  const jobOpts: JobsOptions = {
    attempts: d.attempts,
    backoff: { type: "exponential", delay: d.backoffMs },
    removeOnComplete: { age: 3600, count: 1000 },
    removeOnFail: { age: 7 * 24 * 3600 },
    ...(opts.jobId ? { jobId: opts.jobId } : {}),
    ...(opts.priority ? { priority: opts.priority } : {}),
    ...(opts.delay ? { delay: opts.delay } : {}),
  };
  return queue(name).add(name, data, jobOpts);
}
