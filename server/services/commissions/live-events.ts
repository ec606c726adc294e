import pg from "pg";
import type { CommissionEvent, CommissionStatus } from "@prisma/client";
import { db } from "../../db";
import { pgConfig } from "../../db-adapter";
import { env } from "../../env";
import { log } from "../../log";
import { EVENTS_CHANNEL, eventsAfter } from "./events";
import { terminalStatuses } from "./state";

/**
 * Live commission progress for every open stream in this process, without polling.
 *
 * recordEvent NOTIFYs the commission id when the event's transaction commits. Each process holds ONE
 * listening connection. When an event is
 * announced for a commission somebody here watches, the process reads the new rows once and hands
 * them to every stream of that commission: database work grows with events, not with watchers.
 * Streams catch up from the stored events themselves (Last-Event-ID), so a lost notification (the
 * listener reconnecting after Postgres restarts) only delays: on reconnect every watched commission
 * is re-read, and each is re-checked every SWEEP_MS in case its status changed without an event.
 */

export type LiveUpdate = { events: CommissionEvent[]; status: CommissionStatus | null };
type Watcher = (u: LiveUpdate) => void;
type Watched = { watchers: Set<Watcher>; lastId: number; dirty: boolean; reading: boolean };
const SWEEP_MS = 20_000;

type Hub = {
  watched: Map<string, Watched>;
  client?: pg.Client;
  connecting?: Promise<void>;
  retryMs: number;
  sweep?: NodeJS.Timeout;
  stats: { notifications: number; reads: number };
};
const g = globalThis as unknown as { __mlLiveHub?: Hub };
const hub = (): Hub => (g.__mlLiveHub ??= { watched: new Map(), retryMs: 250, stats: { notifications: 0, reads: 0 } });

export const isTerminal = (s: CommissionStatus | null) => s === null || terminalStatuses.includes(s);

/** Counters for tests and benches: notifications received and DB reads made by this process. */
export const liveStats = () => ({ ...hub().stats, watchedCommissions: hub().watched.size, listening: !!hub().client });

/**
 * The status, then the events after `afterId`. In this order: a final status read here means every
 * event committed with or before it is in `events`, so a stream may end right after sending them.
 */
export async function readUpdate(commissionId: string, afterId: number): Promise<LiveUpdate> {
  const row = await db.commission.findUnique({ where: { id: commissionId }, select: { status: true } });
  return { status: row?.status ?? null, events: await eventsAfter(commissionId, afterId) };
}

/** Reads what is new for one commission once and gives it to all its watchers; coalesces bursts. */
async function refresh(commissionId: string) {
  const w = hub().watched.get(commissionId);
  if (!w) return;
  w.dirty = true;
  if (w.reading) return; // the read in flight goes round once more
  w.reading = true;
  try {
    while (w.dirty && hub().watched.has(commissionId)) {
      w.dirty = false;
      hub().stats.reads++;
      const { events, status } = await readUpdate(commissionId, w.lastId);
      if (events.length) w.lastId = events[events.length - 1].id;
      for (const fn of w.watchers) fn({ events, status });
      if (events.length === 200) w.dirty = true; // more than one page waiting
    }
  } catch (err) {
    log.warn({ err: (err as Error).message, commissionId }, "live events: read failed; streams catch up on the next event or sweep");
  } finally {
    w.reading = false;
  }
}

function onNotification(msg: pg.Notification) {
  hub().stats.notifications++;
  if (msg.payload && hub().watched.has(msg.payload)) void refresh(msg.payload);
}

function listen(): Promise<void> {
  const h = hub();
  if (h.client) return Promise.resolve();
  h.connecting ??= (async () => {
    const client = new pg.Client({ ...pgConfig(env().DATABASE_URL), keepAlive: true } as pg.ClientConfig);
    const lost = (why: string) => {
      if (h.client !== client) return;
      h.client = undefined;
      client.end().catch(() => undefined);
      log.warn({ why }, "live events: listener lost; reconnecting");
      scheduleReconnect();
    };
    client.on("error", (e) => lost(e.message));
    client.on("end", () => lost("connection ended"));
    client.on("notification", onNotification);
    await client.connect();
    await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    h.client = client;
    h.retryMs = 250;
    // Anything announced while we were not listening is read now.
    for (const id of h.watched.keys()) void refresh(id);
  })().finally(() => (h.connecting = undefined));
  return h.connecting;
}

function scheduleReconnect() {
  const h = hub();
  if (!h.watched.size) return; // the next watcher connects again
  const wait = h.retryMs;
  h.retryMs = Math.min(h.retryMs * 2, 5_000);
  setTimeout(() => void listen().catch(() => scheduleReconnect()), wait).unref();
}

function ensureSweep() {
  const h = hub();
  if (h.sweep) return;
  h.sweep = setInterval(() => {
    if (!h.client) void listen().catch(() => undefined);
    for (const id of h.watched.keys()) void refresh(id);
  }, SWEEP_MS);
  h.sweep.unref();
}

/**
 * Calls `fn` with new events of a commission (ids after `afterId`, possibly repeated: dedupe by id)
 * and its status, until the returned function is called. Starts listening if this process was not.
 */
export async function watchCommission(commissionId: string, afterId: number, fn: Watcher): Promise<() => void> {
  const h = hub();
  let w = h.watched.get(commissionId);
  if (!w) {
    w = { watchers: new Set(), lastId: afterId, dirty: false, reading: false };
    h.watched.set(commissionId, w);
  }
  w.watchers.add(fn);
  ensureSweep();
  await listen().catch((e: Error) => {
    log.warn({ err: e.message }, "live events: cannot listen yet; retrying");
    scheduleReconnect();
  });
  return () => {
    const cur = h.watched.get(commissionId);
    if (!cur) return;
    cur.watchers.delete(fn);
    if (!cur.watchers.size) h.watched.delete(commissionId);
  };
}

/** Stops listening (tests, shutdown). */
export async function stopLiveEvents() {
  const h = hub();
  h.watched.clear();
  if (h.sweep) clearInterval(h.sweep);
  h.sweep = undefined;
  const c = h.client;
  h.client = undefined;
  await c?.end().catch(() => undefined);
}
