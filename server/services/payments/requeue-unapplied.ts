import { db } from "../../db";
import { enqueue } from "../../queues/enqueue";

/**
 * Stripe events recorded but not applied after `olderThanMs` — their job was never added (Redis was
 * down when the webhook stored them) or was lost with Redis — go back on the `payment` queue.
 * jobId = event id, so an event whose job still exists is not queued twice, and applying is
 * idempotent anyway. Every worker process runs this periodically (workers/index.ts).
 */
export async function requeueUnappliedEvents(olderThanMs = 30_000, limit = 500) {
  const rows = await db.stripeEvent.findMany({
    where: { processedAt: null, receivedAt: { lt: new Date(Date.now() - olderThanMs) } },
    select: { id: true },
    orderBy: { receivedAt: "asc" },
    take: limit,
  });
  for (const r of rows) await enqueue("payment", { eventId: r.id }, { jobId: r.id });
  return rows.length;
}
