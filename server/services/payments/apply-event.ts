import type Stripe from "stripe";
import { db } from "../../db";
import { log } from "../../log";
import { markCommissionPaid, markCommissionUnpaid } from "../commissions/mark-paid";
import { recordEvent } from "../commissions/events";
import { refundKey } from "../commissions/request-refund";
import { markDonationPaid, markDonationUnpaid } from "../donations/mark-donation";
import { markOrderPaid, markOrderUnpaid } from "../shop/mark-order-paid";
import { enqueue } from "../../queues/enqueue";
import { idOf, orderSessionOf } from "./event-shape";
import { markRefundFailed, recordPartialRefund, settleRefund } from "./settle-refund";

export type ApplyOutcome = { outcome: string; deferred?: boolean };

type Session = Pick<Stripe.Checkout.Session, "id" | "client_reference_id" | "metadata" | "amount_total" | "currency" | "payment_status" | "payment_intent"> & Partial<Stripe.Checkout.Session>;

const providerOf = (sessionId: string) => (sessionId.startsWith("cs_local_") ? "local" : "stripe");

async function onSessionPaid(s: Session): Promise<string> {
  const meta = s.metadata ?? {};
  const paid = { sessionId: s.id, paymentIntentId: idOf(s.payment_intent), amountTotal: s.amount_total, currency: s.currency, provider: providerOf(s.id) };
  if (meta.orderId) {
    const outcome = await markOrderPaid({ orderId: meta.orderId, ...paid, ...orderSessionOf(s) });
    if (paid.paymentIntentId) await requeueRefundEvents(paid.paymentIntentId);
    return outcome;
  }
  const commissionId = meta.commissionId ?? s.client_reference_id;
  if (!meta.donationId && !commissionId) return "ignored: session without a commission";
  const outcome = meta.donationId ? await markDonationPaid({ donationId: meta.donationId, ...paid }) : await markCommissionPaid({ commissionId: commissionId!, ...paid });
  if (paid.paymentIntentId) await requeueRefundEvents(paid.paymentIntentId);
  return outcome;
}

const REFUND_EVENTS = ["charge.refunded", "refund.updated", "charge.refund.updated"];

/**
 * Refund events that overtook this payment wait unprocessed (their own retries may have run out by
 * now, and a redelivery is deduplicated): queue each again now that the payment is recorded.
 */
async function requeueRefundEvents(paymentIntentId: string) {
  const waiting = await db.$queryRaw<{ id: string }[]>`
    select id from stripe_events
    where "processedAt" is null and type = any(${REFUND_EVENTS}) and payload->'data'->'object'->>'payment_intent' = ${paymentIntentId}`;
  for (const e of waiting) await enqueue("payment", { eventId: e.id }, { jobId: `${e.id}-after-payment` });
}

async function onSessionUnpaid(s: Session, outcome: "EXPIRED" | "PAYMENT_FAILED") {
  const meta = s.metadata ?? {};
  if (meta.orderId) return markOrderUnpaid(meta.orderId, s.id);
  if (meta.donationId) return markDonationUnpaid(meta.donationId, s.id, outcome);
  const commissionId = meta.commissionId ?? s.client_reference_id;
  if (!commissionId) return "ignored: session without a commission";
  return markCommissionUnpaid(commissionId, s.id, outcome);
}

/** A refund event that arrived before its payment: the payment queue retries it, and requeueRefundEvents delivers it once the payment is recorded. */
export const DEFERRED: ApplyOutcome = { outcome: "deferred: payment not recorded yet", deferred: true };

// A refund can overtake the payment's own events: the event waits until the payment is recorded.
const paymentFor = (paymentIntentId: string | null) => (paymentIntentId ? db.payment.findUnique({ where: { paymentIntentId } }) : null);

const settled = async (paymentId: string, providerRefundId: string | null): Promise<ApplyOutcome> => ({
  outcome: (await settleRefund(paymentId, providerRefundId)) ? "refunded" : "duplicate",
});

/** charge.refunded carries the charge's refunded total: in full settles, less is a partial refund. */
async function onChargeRefunded(ch: Stripe.Charge): Promise<ApplyOutcome> {
  const payment = await paymentFor(idOf(ch.payment_intent));
  if (!payment) return DEFERRED;
  if (ch.refunded || ch.amount_refunded >= payment.amountCents) return settled(payment.id, ch.refunds?.data?.[0]?.id ?? null);
  await recordPartialRefund(payment.id, ch.amount_refunded);
  return { outcome: "partially refunded" };
}

/**
 * One refund object changed. Our own refund (the Refund row's) always asks for all that is left, so
 * it succeeding settles the payment; another refund settles only if it covers the whole payment.
 */
async function onRefundUpdated(r: Stripe.Refund): Promise<ApplyOutcome> {
  const payment = await paymentFor(idOf(r.payment_intent));
  if (!payment) return DEFERRED;
  const row = await db.refund.findUnique({ where: { idempotencyKey: refundKey(payment.id) } });
  const ours = !!row && (row.providerRefundId === r.id || r.metadata?.refundId === row.id);
  if (r.status === "succeeded") {
    if (ours || r.amount >= payment.amountCents) return settled(payment.id, r.id);
    await recordPartialRefund(payment.id, r.amount);
    return { outcome: "partially refunded" };
  }
  if ((r.status === "failed" || r.status === "canceled") && ours) {
    await markRefundFailed(payment.id, r.id, r.failure_reason ?? `refund ${r.status}`);
    return { outcome: "refund failed" };
  }
  return { outcome: `refund ${r.status ?? "pending"}` };
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
    case "charge.refunded":
      return onChargeRefunded(event.data.object);
    case "refund.updated":
    case "charge.refund.updated":
      return onRefundUpdated(event.data.object);
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
