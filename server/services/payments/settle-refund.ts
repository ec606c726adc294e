import { db } from "../../db";
import { money } from "../../../lib/format";
import { recordEvent } from "../commissions/events";
import { refundKey } from "../commissions/request-refund";
import { transition } from "../commissions/state";
import { notifyOrderRefunded, settleOrderRefund } from "../shop/refund-order";
import { notifyCommission } from "../commissions/notify-commission";

/**
 * The provider confirmed the payment is refunded in full: Refund SUCCEEDED, Payment REFUNDED, commission
 * REFUNDED (or donation REFUNDED). Idempotent; also records refunds made in Stripe's dashboard.
 * Callers decide "in full" (see apply-event); a partial refund goes to recordPartialRefund instead.
 */
export async function settleRefund(paymentId: string, providerRefundId: string | null) {
  const settled = await db.$transaction(async (tx) => {
    const payment = await tx.payment.findUniqueOrThrow({ where: { id: paymentId } });
    const key = refundKey(payment.id);
    const existing = await tx.refund.findUnique({ where: { idempotencyKey: key } });
    if (existing?.status === "SUCCEEDED") return false;
    if (existing) {
      await tx.refund.update({ where: { id: existing.id }, data: { status: "SUCCEEDED", providerRefundId: providerRefundId ?? existing.providerRefundId, lastError: null } });
    } else {
      await tx.refund.create({
        data: { paymentId, commissionId: payment.commissionId, amountCents: payment.amountCents - payment.refundedCents, currency: payment.currency, reason: "refunded_by_provider", status: "SUCCEEDED", idempotencyKey: key, providerRefundId },
      });
    }
    await tx.payment.update({ where: { id: paymentId }, data: { status: "REFUNDED", refundedCents: payment.amountCents } });
    if (payment.commissionId) {
      if (await transition(payment.commissionId, "REFUNDED", { refundedAt: new Date(), stage: "refunded" }, tx)) {
        await recordEvent(payment.commissionId, { type: "refunded", message: `Refunded ${money(payment.amountCents, payment.currency)}`, progress: 100, dedupeKey: "refunded" }, tx);
      }
    }
    if (payment.donationId) await tx.donation.updateMany({ where: { id: payment.donationId, status: "PAID" }, data: { status: "REFUNDED" } });
    if (payment.orderId) await settleOrderRefund(payment.orderId, payment.amountCents, payment.currency, tx);
    return { orderId: payment.orderId, commissionId: payment.commissionId };
  });
  if (settled && settled.orderId) await notifyOrderRefunded(settled.orderId);
  if (settled && settled.commissionId) await notifyCommission(settled.commissionId, "refund");
  return !!settled;
}

/**
 * Part of a payment was refunded (say, in Stripe's dashboard): the Payment is PARTIALLY_REFUNDED with
 * the refunded total (never lowered); the commission is left as it is.
 */
export async function recordPartialRefund(paymentId: string, refundedAtLeast: number) {
  await db.payment.updateMany({
    where: { id: paymentId, status: { in: ["SUCCEEDED", "PARTIALLY_REFUNDED"] }, refundedCents: { lt: refundedAtLeast } },
    data: { status: "PARTIALLY_REFUNDED", refundedCents: refundedAtLeast },
  });
}

/** The provider reported the refund failed: FAILED with the reason, for an admin to retry. */
export async function markRefundFailed(paymentId: string, providerRefundId: string | null, reason: string) {
  await db.refund.updateMany({
    where: { idempotencyKey: refundKey(paymentId), status: { not: "SUCCEEDED" } },
    data: { status: "FAILED", lastError: reason, ...(providerRefundId ? { providerRefundId } : {}) },
  });
}
