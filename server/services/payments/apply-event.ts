import type Stripe from "stripe";
import { db } from "../../db";
import { log } from "../../log";
import { markCommissionPaid, markCommissionUnpaid } from "../commissions/mark-paid";
import { recordEvent } from "../commissions/events";
import { markDonationPaid, markDonationUnpaid } from "../donations/mark-donation";
import { idOf } from "./event-shape";
import { markRefundFailed, settleRefund } from "./settle-refund";

export type ApplyOutcome = { outcome: string; deferred?: boolean };

type Session = Pick<Stripe.Checkout.Session, "id" | "client_reference_id" | "metadata" | "amount_total" | "currency" | "payment_status" | "payment_intent">;

const providerOf = (sessionId: string) => (sessionId.startsWith("cs_local_") ? "local" : "stripe");

async function onSessionPaid(s: Session): Promise<string> {
  const meta = s.metadata ?? {};
  const paid = { sessionId: s.id, paymentIntentId: idOf(s.payment_intent), amountTotal: s.amount_total, currency: s.currency, provider: providerOf(s.id) };
  if (meta.donationId) return markDonationPaid({ donationId: meta.donationId, ...paid });
  const commissionId = meta.commissionId ?? s.client_reference_id;
  if (!commissionId) return "ignored: session without a commission";
  return markCommissionPaid({ commissionId, ...paid });
}

async function onSessionUnpaid(s: Session, outcome: "EXPIRED" | "PAYMENT_FAILED") {
  const meta = s.metadata ?? {};
  if (meta.donationId) return markDonationUnpaid(meta.donationId, s.id, outcome);
  const commissionId = meta.commissionId ?? s.client_reference_id;
  if (!commissionId) return "ignored: session without a commission";
  return markCommissionUnpaid(commissionId, s.id, outcome);
}

async function onRefund(paymentIntentId: string | null, providerRefundId: string | null, status: string, failure?: string | null): Promise<ApplyOutcome> {
  const payment = paymentIntentId ? await db.payment.findUnique({ where: { paymentIntentId } }) : null;
  // A refund can overtake the payment's own events: retry until the payment is recorded.
  if (!payment) return { outcome: "deferred: payment not recorded yet", deferred: true };
  if (status === "succeeded") return { outcome: (await settleRefund(payment.id, providerRefundId)) ? "refunded" : "duplicate" };
  if (status === "failed" || status === "canceled") {
    await markRefundFailed(payment.id, providerRefundId, failure ?? `refund ${status}`);
    return { outcome: "refund failed" };
  }
  return { outcome: `refund ${status}` };
}

async function dispatch(event: Stripe.Event): Promise<ApplyOutcome> {
  switch (event.type) {
    case "checkout.session.completed": {
      const s = event.data.object;
      if (s.payment_status === "paid" || s.payment_status === "no_payment_required") return { outcome: await onSessionPaid(s) };
      const commissionId = s.metadata?.commissionId ?? s.client_reference_id;
      if (commissionId) await recordEvent(commissionId, { type: "payment_processing", message: "Payment is processing", dedupeKey: "payment_processing" });
      return { outcome: "waiting for async payment" };
    }
    case "checkout.session.async_payment_succeeded":
      return { outcome: await onSessionPaid(event.data.object) };
    case "checkout.session.async_payment_failed":
      return { outcome: await onSessionUnpaid(event.data.object, "PAYMENT_FAILED") };
    case "checkout.session.expired":
      return { outcome: await onSessionUnpaid(event.data.object, "EXPIRED") };
    case "charge.refunded": {
      const ch = event.data.object;
      if (!ch.refunded) {
        const payment = await db.payment.findUnique({ where: { paymentIntentId: idOf(ch.payment_intent) ?? "" } });
        if (!payment) return { outcome: "deferred: payment not recorded yet", deferred: true };
        await db.payment.update({ where: { id: payment.id }, data: { status: "PARTIALLY_REFUNDED" } });
        return { outcome: "partially refunded" };
      }
      const refundId = ch.refunds?.data?.[0]?.id ?? null;
      return onRefund(idOf(ch.payment_intent), refundId, "succeeded");
    }
    case "refund.updated":
    case "charge.refund.updated": {
      const r = event.data.object;
      return onRefund(idOf(r.payment_intent), r.id, r.status ?? "pending", r.failure_reason);
    }
    default:
      return { outcome: `ignored: ${event.type}` };
  }
}

/** Applies one recorded Stripe event (the `payment` queue). Idempotent: processed events return at once. */
export async function applyStripeEvent(eventId: string): Promise<ApplyOutcome> {
  const row = await db.stripeEvent.findUnique({ where: { id: eventId } });
  if (!row) return { outcome: "ignored: unknown event" };
  if (row.processedAt) return { outcome: "already processed" };
  const result = await dispatch(row.payload as unknown as Stripe.Event);
  if (!result.deferred) await db.stripeEvent.update({ where: { id: eventId }, data: { processedAt: new Date() } });
  log.info({ eventId, type: row.type, outcome: result.outcome }, "stripe event applied");
  return result;
}
