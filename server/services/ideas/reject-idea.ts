import type { Idea } from "@prisma/client";
import { db, type Tx } from "../../db";
import { AppError } from "../../errors";
import { assertNotCommissioned } from "./approve-idea";

export async function rejectIdeaInTx(tx: Tx, ideaId: string, opts: { by?: string; note?: string }): Promise<Idea> {
  await tx.$queryRaw`select id from ideas where id = ${ideaId} for update`;
  const idea = await tx.idea.findUnique({ where: { id: ideaId } });
  if (!idea) throw new AppError("NOT_FOUND", `Idea ${ideaId} does not exist`);
  await assertNotCommissioned(tx, ideaId);
  if (idea.status === "REJECTED") return idea;
  if (idea.status !== "NEW") {
    throw new AppError("CONFLICT", `"${idea.title}" is already ${idea.status.toLowerCase()}; only new ideas can be rejected`);
  }
  const note = opts.note?.trim() || null;
  const updated = await tx.idea.update({
    where: { id: ideaId },
    data: { status: "REJECTED", reviewedById: opts.by ?? null, reviewedAt: new Date(), reviewNote: note },
  });
  await tx.auditLog.create({ data: { actorId: opts.by ?? null, action: "idea.reject", entityType: "idea", entityId: ideaId, data: { note } } });
  return updated;
}

/** NEW → REJECTED with an optional note (audited). Rejecting twice is a no-op. */
export async function rejectIdea({ ideaId, by, note }: { ideaId: string; by?: string; note?: string }): Promise<Idea> {
  return db.$transaction((tx) => rejectIdeaInTx(tx, ideaId, { by, note }));
}
