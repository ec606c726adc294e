import { db, type Tx } from "../../db";
import { AppError } from "../../errors";
import { enqueue } from "../../queues/enqueue";
import { money } from "../../../lib/format";
import { refundKey } from "../commissions/request-refund";
import { notifyOrder } from "./notify-order";
import { recordOrderEvent, transitionOrder } from "./order-state";

/**
 * Refunds what is left of an order's payment through the same machinery commissions use: the order
 * moves to REFUND_PENDING, one Refund row per payment (idempotency key refund:<paymentId>), one
 * `refund` job. Safe to call again: it returns the same refund. `problem` is kept on the order.
 */
export async function requestOrderRefund(orderId: string, reason: string, opts: { by?: string; problem?: string } = {}) {
  const o = await db.order.findUnique({ where: { id: orderId }, include: { payment: true } });
  if (!o) throw new AppError("NOT_FOUND", "No such order");
  const payment = o.payment && ["SUCCEEDED", "REFUNDED", "PARTIALLY_REFUNDED"].includes(o.payment.status) ? o.payment : null;
  if (!payment) throw new AppError("PRECONDITION_FAILED", "This order has no captured payment to refund");
  const remaining = Math.max(0, payment.amountCents - payment.refundedCents);

  const created = await db.$transaction(async (tx) => {
    if (!(await transitionOrder(o.id, "REFUND_PENDING", opts.problem ? { problem: opts.problem } : {}, tx))) return null;
    const refund = await tx.refund.upsert({
      where: { idempotencyKey: refundKey(payment.id) },
      create: { paymentId: payment.id, amountCents: remaining, currency: payment.currency, reason, idempotencyKey: refundKey(payment.id) },
      update: {},
    });
    await recordOrderEvent(o.id, { type: "refund_requested", message: `Refunding ${money(refund.amountCents, refund.currency)}`, dedupeKey: "refund_requested", data: { reason } }, tx);
    if (opts.by) await tx.auditLog.create({ data: { actorId: opts.by, action: "order.refund", entityType: "order", entityId: o.id, data: { reason } } });
    return refund;
  });
  const refund = created ?? (await db.refund.findUnique({ where: { idempotencyKey: refundKey(payment.id) } }));
  if (!refund) throw new AppError("CONFLICT", `A ${o.status.toLowerCase().replaceAll("_", " ")} order can't be refunded`);
  if (refund.status !== "SUCCEEDED") await enqueue("refund", { refundId: refund.id }, { jobId: refund.id });
  return refund;
}

/** Called inside settleRefund's transaction: the order's payment is refunded in full. */
export async function settleOrderRefund(orderId: string, amountCents: number, currency: string, tx: Tx) {
  if (!(await transitionOrder(orderId, "REFUNDED", { refundedAt: new Date(), refundedCents: amountCents }, tx))) return false;
  await recordOrderEvent(orderId, { type: "refunded", message: `Refunded ${money(amountCents, currency)}`, dedupeKey: "refunded" }, tx);
  return true;
}

/** After settleRefund commits: tell the shopper (once, by idempotency key). */
export const notifyOrderRefunded = (orderId: string) => notifyOrder(orderId, "refund");
