import { db } from "../../db";
import { AppError } from "../../errors";
import { recordEvent } from "./events";
import { enqueueFulfilment } from "./mark-paid";
import { requestRefund } from "./request-refund";
import { transition } from "./state";

/** Admin approves a commission waiting for review: fulfilment continues from where it paused. */
export async function approveCommission(commissionId: string, by?: string) {
  const c = await db.commission.findUnique({ where: { id: commissionId }, include: { tier: true } });
  if (!c) throw new AppError("NOT_FOUND", "No such commission");
  const moved = await db.$transaction(async (tx) => {
    // Only from NEEDS_REVIEW: a PAID commission already has its fulfilment job queued.
    if (!(await transition(c.id, "IN_PROGRESS", { stage: "generating_design" }, tx, { status: "NEEDS_REVIEW" }))) return false;
    await recordEvent(c.id, { type: "approved", message: "Approved by our team", progress: 34, dedupeKey: "approved" }, tx);
    await tx.auditLog.create({ data: { actorId: by, action: "commission.approve", entityType: "commission", entityId: c.id } });
    return true;
  });
  if (!moved) throw new AppError("CONFLICT", `Only commissions waiting for review can be approved (this one is ${c.status.toLowerCase().replaceAll("_", " ")})`);
  // The first job has finished (it paused for review), so this continuation needs its own job id.
  await enqueueFulfilment(c.id, c.tier.priority, `${c.id}-approved`);
  return { ok: true };
}

/** Admin rejects a commission waiting for review: it is refunded in full. */
export async function rejectCommission(commissionId: string, by?: string, note?: string) {
  const c = await db.commission.findUnique({ where: { id: commissionId }, select: { status: true } });
  if (!c) throw new AppError("NOT_FOUND", "No such commission");
  if (c.status !== "NEEDS_REVIEW") throw new AppError("CONFLICT", "Only commissions waiting for review can be rejected");
  await recordEvent(commissionId, { type: "rejected", message: "Our team could not approve this commission", dedupeKey: "rejected", data: note ? { note } : undefined });
  return requestRefund(commissionId, "rejected_in_review", { by });
}
