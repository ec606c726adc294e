import type Stripe from "stripe";
import { pgPool } from "../../db";
import { env } from "../../env";
import { log } from "../../log";
import { payments } from "../../providers/payments";
import { enqueue } from "../../queues/enqueue";
import { isHandled, objectKey } from "./event-shape";

export type WebhookResult = { status: number; body: Record<string, unknown> };

/**
 * Verifies a Stripe webhook on its raw body, records the event once (by id, and by object+type) and
 * queues the work. Answers fast; the `payment` queue applies the event.
 */
export async function handleStripeWebhook(rawBody: string, signature: string | null): Promise<WebhookResult> {
  let event;
  try {
    event = payments().verifyWebhook(rawBody, signature);
  } catch (err) {
    log.warn({ err: err instanceof Error ? err.message : String(err) }, "stripe webhook refused: bad signature");
    return { status: 400, body: { error: { code: "BAD_REQUEST", message: "Invalid Stripe signature" } } };
  }
  // Stripe's check refuses old signatures only; one dated in the future is refused here (5 min of clock skew).
  const signedAt = Number(signature?.match(/(?:^|,)t=(\d+)/)?.[1]);
  if (signedAt > Date.now() / 1000 + 300) {
    log.warn({ eventId: event.id }, "stripe webhook refused: signed in the future");
    return { status: 400, body: { error: { code: "BAD_REQUEST", message: "Invalid Stripe signature timestamp" } } };
  }
  // A test-mode event must never settle a live shop (and the reverse): livemode follows the keys.
  if (event.livemode !== env().paymentsLivemode) {
    log.warn({ eventId: event.id, livemode: event.livemode }, "stripe webhook refused: livemode does not match the configured keys");
    return { status: 400, body: { error: { code: "BAD_REQUEST", message: `This endpoint takes ${env().paymentsLivemode ? "live" : "test"}-mode events only` } } };
  }
  if (!isHandled(event.type)) return { status: 200, body: { received: true, ignored: event.type } };

  // Postgres or Redis down: answer 503 within STORE_DEADLINE_MS so Stripe retries, instead of
  // holding the request while clients reconnect. Work that completes after the answer is harmless:
  // a retry finds the event recorded (duplicate), and requeueUnappliedEvents delivers it.
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<WebhookResult>((res) => {
    timer = setTimeout(() => res(unavailable), STORE_DEADLINE_MS);
  });
  const stored = recordAndQueue(event, rawBody).catch((err: Error) => {
    log.error({ err: err.message, eventId: event.id }, "stripe event not stored");
    return unavailable;
  });
  try {
    return await Promise.race([stored, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

const STORE_DEADLINE_MS = 1_000;
const unavailable: WebhookResult = { status: 503, body: { error: { code: "UPSTREAM", message: "Temporarily unavailable; retry later" } } };

async function recordAndQueue(event: Stripe.Event, rawBody: string): Promise<WebhookResult> {
  // One statement records the event, or finds it already recorded by id or by (object, type):
  // the unique constraints decide, so concurrent redeliveries race safely and nothing throws.
  // (Plain pg: this is the webhook's hot path, and Prisma's per-query cost dominated it.)
  const inserted = await pgPool().query(
    `insert into stripe_events (id, type, "objectId", livemode, payload, "updatedAt")
     values ($1, $2, $3, $4, $5::jsonb, now()) on conflict do nothing`,
    [event.id, event.type, objectKey(event), event.livemode, rawBody],
  );
  if (inserted.rowCount === 0) return { status: 200, body: { received: true, duplicate: true } };
  // The row is the status: if the queue is down it stays unapplied and requeueUnappliedEvents
  // delivers it once Redis is back. Answer 503 all the same so Stripe keeps the event too.
  await enqueue("payment", { eventId: event.id }, { jobId: event.id });
  return { status: 200, body: { received: true } };
}
