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
 * often the work that produces it reruns. Also keeps Commission.stage current.
 */
export async function recordEvent(commissionId: string, e: CommissionEventInput, client: Tx | typeof db = db) {
  await client.commissionEvent.createMany({
    data: [{ commissionId, type: e.type, message: e.message, progress: e.progress, dedupeKey: e.dedupeKey ?? null, data: e.data }],
    skipDuplicates: true,
  });
}

/** Events after `afterId`, in order (the SSE stream and reconnecting clients catch up with this). */
export function eventsAfter(commissionId: string, afterId = 0, take = 200) {
  return db.commissionEvent.findMany({ where: { commissionId, id: { gt: afterId } }, orderBy: { id: "asc" }, take });
}
