import type { Prisma } from "@prisma/client";
import { db } from "../../db";
import { AppError } from "../../errors";
import { enqueue } from "../../queues/enqueue";
import { money } from "../../../lib/format";
import { recordEvent } from "./events";
import { transition } from "./state";

export const refundKey = (paymentId: string) => `refund:${paymentId}`;

export type RefundOptions = {
  by?: string;
  /** Extra conditions the commission must meet at the moment it moves to REFUND_PENDING. */
  guard?: Prisma.CommissionWhereInput;
};

/**
 * Refunds what is left of a paid commission's payment (all of it unless part was already refunded):
 * REFUND_PENDING, one Refund row per payment (deterministic idempotency key), one `refund` job.
 * Safe to call again: it returns the same refund.
 */
export async function requestRefund(commissionId: string, reason: string, opts: RefundOptions = {}) {
  const c = await db.commission.findUnique({ where: { id: commissionId }, include: { payments: { where: { status: { in: ["SUCCEEDED", "REFUNDED", "PARTIALLY_REFUNDED"] } } } } });
  if (!c) throw new AppError("NOT_FOUND", "No such commission");
  const payment = c.payments[0];
  if (!payment) throw new AppError("PRECONDITION_FAILED", "This commission has no captured payment to refund");
  const remaining = Math.max(0, payment.amountCents - payment.refundedCents);

  const created = await db.$transaction(async (tx) => {
    if (!(await transition(c.id, "REFUND_PENDING", { failureReason: reason, stage: "refunding" }, tx, opts.guard))) return null;
    const refund = await tx.refund.upsert({
      where: { idempotencyKey: refundKey(payment.id) },
      create: { paymentId: payment.id, commissionId: c.id, amountCents: remaining, currency: payment.currency, reason, idempotencyKey: refundKey(payment.id) },
      update: {},
    });
    await recordEvent(c.id, { type: "refund_requested", message: `Refunding ${money(refund.amountCents, refund.currency)}`, dedupeKey: "refund_requested", data: { reason } }, tx);
    if (opts.by) await tx.auditLog.create({ data: { actorId: opts.by, action: "commission.refund", entityType: "commission", entityId: c.id, data: { reason } } });
    return refund;
  });
  const refund = created ?? (await db.refund.findUnique({ where: { idempotencyKey: refundKey(payment.id) } }));
  if (!refund) {
    throw new AppError("CONFLICT", `A ${c.status.toLowerCase().replaceAll("_", " ")} commission can't be refunded`);
  }
  if (refund.status !== "SUCCEEDED") await enqueue("refund", { refundId: refund.id }, { jobId: refund.id });
  return refund;
}
