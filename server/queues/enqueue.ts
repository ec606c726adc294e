import type { JobsOptions } from "bullmq";
import { parsePayload, queueDefaults, type QueueName, type QueuePayload } from "./contracts";
import { queue } from "./connection";

type EnqueueOpts = { jobId?: string; priority?: number; delay?: number };

function jobOptions(name: QueueName, opts: EnqueueOpts): JobsOptions {
  const d = queueDefaults[name];
  return {
    attempts: d.attempts,
    backoff: { type: "exponential", delay: d.backoffMs },
    removeOnComplete: { age: 3600, count: 1000 },
    removeOnFail: { age: 7 * 24 * 3600 },
    ...(opts.jobId ? { jobId: opts.jobId } : {}),
    ...(opts.priority ? { priority: opts.priority } : {}),
    ...(opts.delay ? { delay: opts.delay } : {}),
  };
}

/**
 * Add a job. `jobId` makes the add idempotent: the same id while a job is waiting, active or kept
 * as completed is not added twice. The DB row is the status; the queue only delivers.
 */
export async function enqueue<Q extends QueueName>(name: Q, payload: QueuePayload<Q>, opts: EnqueueOpts = {}) {
  return queue(name).add(name, parsePayload(name, payload), jobOptions(name, opts));
}

/** Many jobs on one queue in one round trip (BullMQ addBulk), each as `enqueue` would add it. */
export async function enqueueMany<Q extends QueueName>(name: Q, jobs: { payload: QueuePayload<Q>; opts?: EnqueueOpts }[]) {
  if (!jobs.length) return [];
  return queue(name).addBulk(jobs.map((j) => ({ name, data: parsePayload(name, j.payload), opts: jobOptions(name, j.opts ?? {}) })));
}
