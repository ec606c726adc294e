import type { Prisma } from "@prisma/client";
import { db, type Tx } from "../../db";

export type CommissionEventInput = {
  type: string;
  message: string;
  progress?: number;
  dedupeKey?: string;
  data?: Prisma.InputJsonValue;
};

/**
 * Appends an event to a commission's timeline. With a dedupeKey the event is written once however
 * often the work that produces it reruns, and announced once to live streams.
 */
export async function recordEvent(commissionId: string, e: CommissionEventInput, client: Tx | typeof db = db) {
  const { count } = await client.commissionEvent.createMany({
    data: [{ commissionId, type: e.type, message: e.message, progress: e.progress, dedupeKey: e.dedupeKey ?? null, data: e.data }],
    skipDuplicates: true,
  });
  // Live progress (live-events.ts). NOTIFY is transactional: inside `tx` it is delivered on commit, so
  // nobody hears of an event before it can be read, and a rolled-back event is never announced.
  if (count) await client.$executeRaw`select pg_notify(${EVENTS_CHANNEL}, ${commissionId})`;
}

/** The Postgres channel on which new commission events are announced (payload: the commission id). */
export const EVENTS_CHANNEL = "commission_events";

/** Events after `afterId`, in order (the SSE stream and reconnecting clients catch up with this). */
export function eventsAfter(commissionId: string, afterId = 0, take = 200) {
  return db.commissionEvent.findMany({ where: { commissionId, id: { gt: afterId } }, orderBy: { id: "asc" }, take });
}
