import { recordOrderOutcomes } from "./record-order-outcomes";
import type { Prisma } from "@prisma/client";
import { db } from "../../db";
import { log } from "../../log";
import { enqueue } from "../../queues/enqueue";
import { money } from "../../../lib/format";
import { SHIPPING_RATES, shippingCents, stripeFeeCents } from "../../../lib/shop";
import { notifyOrder } from "./notify-order";
import { recordOrderEvent, transitionOrder } from "./order-state";
import { requestOrderRefund } from "./refund-order";

/** The parts of a paid Checkout Session an order needs (Stripe's shape; the local checkout sends the same). */
export type PaidOrderSession = {
  orderId: string;
  sessionId: string;
  paymentIntentId: string | null;
  provider: string;
  amountTotal: number | null;
  amountSubtotal: number | null;
  currency: string | null;
  shippingCents: number;
  taxCents: number;
  shipping: { name: string | null; address: Record<string, string | null> | null } | null;
};

export type Address = { line1: string; line2?: string | null; city: string; state?: string | null; postal_code: string; country: string };

/** Queues the one submission to the print provider (jobId = order id: a repeated add is a no-op). */
export const enqueueSubmission = (orderId: string, jobId = orderId) => enqueue("fulfilment", { orderId }, { jobId });

/**
 * A checkout for an order was paid. The conditional transition lets exactly one delivery win: it
 * records the Payment, the shipping details and the money columns (revenue, shipping, tax, fee) in
 * one transaction, then queues one submission and one confirmation email. A paid amount that does
 * not match the order (or no address to ship to) is refunded instead.
 */
export async function markOrderPaid(p: PaidOrderSession): Promise<string> {
  const o = await db.order.findUnique({ where: { id: p.orderId }, include: { items: { select: { quantity: true } } } });
  if (!o) return "ignored: unknown order";
  const itemCount = o.items.reduce((n, i) => n + i.quantity, 0);
  const amount = p.amountTotal ?? 0;
  const currency = (p.currency ?? o.currency).toLowerCase();
  const rate = SHIPPING_RATES.find((r) => shippingCents(r.id, itemCount) === p.shippingCents);
  const paidAt = new Date();
  const mismatch =
    currency !== o.currency ? "currency" : (p.amountSubtotal ?? amount - p.shippingCents - p.taxCents) !== o.itemsCents ? "items amount" : !rate ? "shipping amount" : amount !== o.itemsCents + p.shippingCents + p.taxCents ? "total" : !p.shipping?.address ? "shipping address" : null;

  const won = await db.$transaction(async (tx) => {
    const data: Prisma.OrderUncheckedUpdateManyInput = {
      paidAt,
      totalCents: amount,
      shippingCents: p.shippingCents,
      taxCents: p.taxCents,
      shippingCostCents: p.shippingCents, // flat rates are passed through at what the provider charges
      stripeFeeCents: stripeFeeCents(amount),
      shippingRate: rate?.id ?? null,
      shippingName: p.shipping?.name ?? null,
      shippingAddress: (p.shipping?.address ?? undefined) as Prisma.InputJsonValue | undefined,
    };
    if (!(await transitionOrder(o.id, "PAID", data, tx))) return false;
    await tx.payment.upsert({
      where: { checkoutSessionId: p.sessionId },
      create: { provider: p.provider, orderId: o.id, checkoutSessionId: p.sessionId, paymentIntentId: p.paymentIntentId, amountCents: amount, currency, status: "SUCCEEDED", paidAt },
      update: { status: "SUCCEEDED", paymentIntentId: p.paymentIntentId, amountCents: amount, currency, paidAt },
    });
    await recordOrderEvent(o.id, { type: "paid", message: `Payment of ${money(amount, currency)} received`, dedupeKey: "paid" }, tx);
    return true;
  });
  const now = won ? "PAID" : (await db.order.findUnique({ where: { id: o.id }, select: { status: true } }))?.status;
  if (mismatch) {
    if (won) log.error({ orderId: o.id, amount, mismatch }, "paid order does not match; refunding");
    if (now === "PAID" || now === "REFUND_PENDING") await requestOrderRefund(o.id, `payment_mismatch: ${mismatch}`);
    return won ? `paid: ${mismatch} mismatch, refund requested` : "duplicate";
  }
  // A redelivery finding the order still PAID (the winner crashed after its commit) repeats the
  // winner's follow-ups; both are idempotent.
  if (now === "PAID") {
    await enqueueSubmission(o.id);
    await notifyOrder(o.id, "confirmation");
    await recordOrderOutcomes(o.id).catch((err) => log.error({ err: (err as Error).message, orderId: o.id }, "could not record the order's outcomes and costs"));
  }
  return won ? "paid" : "duplicate";
}

/** The checkout expired unpaid: EXPIRED (a late payment can still win). */
export async function markOrderUnpaid(orderId: string, sessionId: string) {
  const moved = await db.$transaction(async (tx) => {
    if (!(await transitionOrder(orderId, "EXPIRED", {}, tx))) return false;
    await tx.payment.updateMany({ where: { checkoutSessionId: sessionId, status: "PENDING" }, data: { status: "EXPIRED" } });
    await recordOrderEvent(orderId, { type: "expired", message: "The checkout ended without payment", dedupeKey: "expired" }, tx);
    return true;
  });
  return moved ? "expired" : "ignored: already past that state";
}
