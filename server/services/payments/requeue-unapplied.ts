import { db } from "../../db";
import { queue } from "../../queues/connection";
import { enqueue } from "../../queues/enqueue";
import { DEFERRED } from "./apply-event";

/**
 * Stripe events recorded but not applied after `olderThanMs` go back on the `payment` queue: their
 * job was never added (Redis was down when the webhook stored them), was lost with Redis, or failed
 * (every attempt ran while Postgres was down, or Redis came back from its append-only file with the
 * job stalled past its limit).
 *
 * Jobs are keyed by event id. A job that is waiting, delayed, running or completed is left alone (a
 * job completes only after marking its event processed). A job that failed would make a plain add a
 * no-op for as long as BullMQ keeps it (7 days), so it is removed and the event gets a fresh job with
 * fresh attempts — unless it failed by deferring: a refund whose payment is not recorded yet, which
 * requeueRefundEvents delivers when the payment is. Applying is idempotent, and two processes
 * sweeping at once still leave one job (same id).
 * Every worker process runs this periodically (workers/index.ts). Returns how many were queued.
 */
export async function requeueUnappliedEvents(olderThanMs = 30_000, limit = 500) {
  const rows = await db.stripeEvent.findMany({
    where: { processedAt: null, receivedAt: { lt: new Date(Date.now() - olderThanMs) } },
    select: { id: true },
    orderBy: { receivedAt: "asc" },
    take: limit,
  });
  const payments = queue("payment");
  let queued = 0;
  for (const { id } of rows) {
    const job = await payments.getJob(id);
    if (job) {
      if ((await job.getState()) !== "failed" || job.failedReason?.includes(DEFERRED.outcome)) continue;
      await payments.remove(id);
    }
    await enqueue("payment", { eventId: id }, { jobId: id });
    queued++;
  }
  return queued;
}
