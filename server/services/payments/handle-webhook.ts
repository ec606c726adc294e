import type Stripe from "stripe";
import { keepPgConnectionsOpen, pgPool } from "../../db";
import { env } from "../../env";
import { log } from "../../log";
import { payments } from "../../providers/payments";
import { queue } from "../../queues/connection";
import { enqueueMany } from "../../queues/enqueue";
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
  const stored = recordAndQueue(event, rawBody);
  try {
    return await Promise.race([stored, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

const STORE_DEADLINE_MS = 1_000;
const unavailable: WebhookResult = { status: 503, body: { error: { code: "UPSTREAM", message: "Temporarily unavailable; retry later" } } };
const duplicate: WebhookResult = { status: 200, body: { received: true, duplicate: true } };
const received: WebhookResult = { status: 200, body: { received: true } };

// Group commit. Stripe delivers in bursts; on a busy process the deliveries that arrive while one
// batch is being stored are stored together: one INSERT of all their rows and one queue round trip,
// instead of one of each per delivery. (Per delivery, the socket writes to Postgres and Redis were
// most of the route's cost: docs/scaling.md.) A quiet process stores each delivery at once.
type Pending = { event: Stripe.Event; rawBody: string; done: (r: WebhookResult) => void };
const MAX_BATCHES_IN_FLIGHT = 2;
const MAX_BATCH = 200;
// While a store hangs, deliveries wait here until their 503; past this many, they are refused at once.
const MAX_PENDING = 1_000;
let pending: Pending[] = [];
let inFlight = 0;

function recordAndQueue(event: Stripe.Event, rawBody: string): Promise<WebhookResult> {
  if (pending.length >= MAX_PENDING) return Promise.resolve(unavailable);
  return new Promise((done) => {
    pending.push({ event, rawBody, done });
    scheduleFlush();
  });
}

// Deliveries read in the same turn of the event loop go out together: a burst on new connections
// arrives as one turn's worth of requests, which used to leave as batches of 1 and 1 with the rest
// waiting behind those two. A lone delivery waits one turn (microseconds).
let flushScheduled = false;
function scheduleFlush() {
  if (flushScheduled) return;
  flushScheduled = true;
  setImmediate(() => {
    flushScheduled = false;
    flush();
  });
}

function flush() {
  while (pending.length && inFlight < MAX_BATCHES_IN_FLIGHT) {
    const batch = pending.slice(0, MAX_BATCH);
    pending = pending.slice(batch.length);
    inFlight++;
    void storeBatch(batch).finally(() => {
      inFlight--;
      flush();
    });
  }
}

// One statement records every event that is new, by id and by (object, type). The unique constraints
// decide, so concurrent and repeated deliveries — in this batch, in another process's — race safely;
// RETURNING names the rows this statement wrote. (Plain pg: this is the webhook's hot path, and
// Prisma's per-query cost dominated it.)
// Rows go in one order, by (object, type, id). Two batches that hold the same events in different
// orders deadlocked: each waited for the other's uncommitted row on a unique index, until Postgres
// aborted one after deadlock_timeout (1 s) and its deliveries were answered 503. Every duplicate
// shares its original's (object, type), so in one global order no two inserts can wait on each other.
const INSERT_EVENTS = `insert into stripe_events (id, type, "objectId", livemode, payload, "updatedAt")
  select id, type, object_id, livemode, payload::jsonb, now()
  from unnest($1::text[], $2::text[], $3::text[], $4::bool[], $5::text[]) as t(id, type, object_id, livemode, payload)
  order by object_id, type, id
  on conflict do nothing
  returning id`;

export type EventRow = { id: string; type: string; objectId: string; livemode: boolean; payload: string };

/** Records the rows not recorded yet; returns the ids this call wrote. */
export async function insertEvents(rows: EventRow[]): Promise<Set<string>> {
  const r = await pgPool().query<{ id: string }>(INSERT_EVENTS, [
    rows.map((e) => e.id),
    rows.map((e) => e.type),
    rows.map((e) => e.objectId),
    rows.map((e) => e.livemode),
    rows.map((e) => e.payload),
  ]);
  return new Set(r.rows.map((row) => row.id));
}

/**
 * Readies what the first delivery needs, so a burst after start (or after a quiet spell) does not pay
 * for it: one pg connection per batch in flight, kept open; the insert run once with no rows; the
 * payment queue's Redis connection. On a cold process the first deliveries of a burst waited
 * 100–330 ms for these (bench/edge.ts); later ones 5–30 ms.
 */
export async function warmWebhookPath() {
  await keepPgConnectionsOpen(MAX_BATCHES_IN_FLIGHT);
  await insertEvents([]);
  await queue("payment").waitUntilReady();
}

async function storeBatch(batch: Pending[]) {
  let inserted: Set<string>;
  try {
    inserted = await insertEvents(batch.map((p) => ({ id: p.event.id, type: p.event.type, objectId: objectKey(p.event), livemode: p.event.livemode, payload: p.rawBody })));
  } catch (err) {
    log.error({ err: (err as Error).message, events: batch.length }, "stripe events not stored");
    for (const p of batch) p.done(unavailable);
    return;
  }
  // The first delivery of each written id is the new one; any other is a duplicate.
  const fresh: Pending[] = [];
  for (const p of batch) {
    if (inserted.delete(p.event.id)) fresh.push(p);
    else p.done(duplicate);
  }
  if (!fresh.length) return;
  try {
    await enqueueMany("payment", fresh.map((p) => ({ payload: { eventId: p.event.id }, opts: { jobId: p.event.id } })));
    for (const p of fresh) p.done(received);
  } catch (err) {
    // The row is the status: with the queue down it stays unapplied and requeueUnappliedEvents
    // delivers it once Redis is back. Answer 503 all the same so Stripe keeps the event too.
    log.error({ err: (err as Error).message, events: fresh.length }, "stripe events stored but not queued");
    for (const p of fresh) p.done(unavailable);
  }
}
