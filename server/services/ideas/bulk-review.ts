import type { Design } from "@prisma/client";
import { db } from "../../db";
import { AppError } from "../../errors";
import { approveIdeaInTx, enqueueDesign, type DesignQuality } from "./approve-idea";
import { rejectIdeaInTx } from "./reject-idea";

const MAX_BULK = 100;

function checkIds(ideaIds: string[]) {
  const ids = [...new Set(ideaIds)];
  if (!ids.length) throw new AppError("BAD_REQUEST", "Select at least one idea");
  if (ids.length > MAX_BULK) throw new AppError("BAD_REQUEST", `Select at most ${MAX_BULK} ideas at a time`);
  return ids;
}

/** Approves every idea in one transaction (all or nothing), then queues their designs. */
export async function bulkApproveIdeas({ ideaIds, by, quality }: { ideaIds: string[]; by?: string; quality?: DesignQuality }) {
  const ids = checkIds(ideaIds);
  const designs: Design[] = await db.$transaction(
    async (tx) => {
      const out: Design[] = [];
      for (const id of ids) out.push((await approveIdeaInTx(tx, id, { by, quality })).design);
      return out;
    },
    { timeout: 30_000 },
  );
  for (const d of designs) await enqueueDesign(d);
  return { approved: ids.length, designIds: designs.map((d) => d.id) };
}

/** Rejects every idea in one transaction (all or nothing), each audited. */
export async function bulkRejectIdeas({ ideaIds, by, note }: { ideaIds: string[]; by?: string; note?: string }) {
  const ids = checkIds(ideaIds);
  await db.$transaction(
    async (tx) => {
      for (const id of ids) await rejectIdeaInTx(tx, id, { by, note });
    },
    { timeout: 30_000 },
  );
  return { rejected: ids.length };
}
