import { z } from "zod";
import { db } from "../../db";
import { AppError } from "../../errors";
import { deliverLocalEvent, isLocalSessionId, signedLocalEvent } from "../../providers/payments/local";
import { payments } from "../../providers/payments";
import { localId } from "../../providers/payments/local-secret";
import { SHIPPING_COUNTRIES, SHIPPING_RATES, shippingCents } from "../../../lib/shop";
import { statusUrlFor } from "../commissions/create-commission";
import { orderUrlFor } from "../shop/create-order";

// The local test checkout: the page shows what a session charges; Pay / Cancel announce the outcome
// as signed Stripe-shaped events through the webhook, exactly like Stripe would. A shop order's
// checkout also collects a shipping address and a shipping rate, as Stripe Checkout does.

/** The local checkout exists only while the local provider is active: otherwise it is a 404. */
export const localCheckoutActive = () => payments().name === "local";

async function loadSession(sessionId: string) {
  if (!localCheckoutActive()) throw new AppError("NOT_FOUND", "There is no test checkout here");
  if (!isLocalSessionId(sessionId)) throw new AppError("NOT_FOUND", "Not a local test checkout session");
  const payment = await db.payment.findUnique({
    where: { checkoutSessionId: sessionId },
    include: {
      commission: { select: { id: true, publicToken: true, status: true, tier: { select: { name: true } } } },
      donation: { select: { id: true, subreddit: true, status: true } },
      order: { select: { id: true, publicToken: true, email: true, itemsCents: true, currency: true, items: { select: { title: true, size: true, colour: true, quantity: true, unitCents: true } } } },
    },
  });
  if (!payment) throw new AppError("NOT_FOUND", "This checkout session does not exist");
  return payment;
}

const itemCount = (items: Array<{ quantity: number }>) => items.reduce((n, i) => n + i.quantity, 0);

export async function localCheckoutSession(sessionId: string) {
  const p = await loadSession(sessionId);
  const description = p.order ? "Merchloop order" : p.commission ? `${p.commission.tier.name} commission` : `Donation${p.donation?.subreddit ? ` to r/${p.donation.subreddit}` : ""}`;
  const count = p.order ? itemCount(p.order.items) : 0;
  return {
    sessionId,
    amountCents: p.amountCents,
    currency: p.currency,
    description,
    status: p.status,
    successUrl: p.order ? orderUrlFor(p.order.publicToken) : p.commission ? statusUrlFor(p.commission.publicToken) : "/fundraising?thanks=1",
    cancelUrl: p.order ? "/cart?cancelled=1" : p.commission ? "/commission?cancelled=1" : "/fundraising",
    order: p.order
      ? {
          email: p.order.email,
          items: p.order.items,
          shippingOptions: SHIPPING_RATES.map((r) => ({ id: r.id, label: r.label, amountCents: shippingCents(r.id, count)! })),
          countries: SHIPPING_COUNTRIES,
        }
      : null,
  };
}

/** The address form of the local checkout (Stripe collects the same fields). */
export const ZLocalShipping = z.object({
  name: z.string().trim().min(2, "Enter the recipient's name").max(100),
  line1: z.string().trim().min(3, "Enter the street address").max(200),
  line2: z.string().trim().max(200).optional().transform((v) => v || null),
  city: z.string().trim().min(1, "Enter the city").max(100),
  state: z.string().trim().max(100).optional().transform((v) => v || null),
  postal_code: z.string().trim().min(2, "Enter the postal code").max(20),
  country: z.enum(SHIPPING_COUNTRIES, { error: `We ship to ${SHIPPING_COUNTRIES.join(", ")}` }),
  rate: z.enum(SHIPPING_RATES.map((r) => r.id) as [string, ...string[]], { error: "Choose a shipping option" }),
});
export type LocalShipping = z.input<typeof ZLocalShipping>;

function sessionObject(p: Awaited<ReturnType<typeof loadSession>>, paid: boolean, shipping?: z.output<typeof ZLocalShipping>) {
  const metadata: Record<string, string> = p.orderId ? { orderId: p.orderId } : p.commissionId ? { commissionId: p.commissionId } : { donationId: p.donationId! };
  const base = {
    id: p.checkoutSessionId,
    object: "checkout.session",
    mode: "payment",
    client_reference_id: p.orderId ?? p.commissionId ?? p.donationId,
    metadata,
    amount_total: p.amountCents,
    currency: p.currency,
    status: paid ? "complete" : "expired",
    payment_status: paid ? "paid" : "unpaid",
    payment_intent: paid ? localId("pi", `pi:${p.checkoutSessionId}`) : null,
  };
  if (!p.order || !shipping) return base;
  const ship = shippingCents(shipping.rate, itemCount(p.order.items))!;
  return {
    ...base,
    amount_subtotal: p.order.itemsCents,
    amount_total: p.order.itemsCents + ship,
    customer_details: { email: p.order.email },
    shipping_cost: { amount_subtotal: ship, amount_tax: 0, amount_total: ship, shipping_rate: `shr_local_${shipping.rate}` },
    total_details: { amount_discount: 0, amount_shipping: ship, amount_tax: 0 },
    collected_information: {
      shipping_details: { name: shipping.name, address: { line1: shipping.line1, line2: shipping.line2, city: shipping.city, state: shipping.state, postal_code: shipping.postal_code, country: shipping.country } },
    },
  };
}

/** "Pay": emits checkout.session.completed (signed) to the webhook. Returns where to send the shopper. */
export async function payLocalCheckout(sessionId: string, opts: { webhookUrl?: string; shipping?: LocalShipping } = {}) {
  const p = await loadSession(sessionId);
  const view = await localCheckoutSession(sessionId);
  if (p.status !== "PENDING") return { redirectTo: view.successUrl, eventId: null };
  let shipping;
  if (p.order) {
    const parsed = ZLocalShipping.safeParse(opts.shipping ?? {});
    if (!parsed.success) throw new AppError("BAD_REQUEST", parsed.error.issues.map((i) => i.message).join("; "));
    shipping = parsed.data;
  }
  const signed = signedLocalEvent("checkout.session.completed", sessionObject(p, true, shipping));
  await deliverLocalEvent(signed, opts.webhookUrl);
  return { redirectTo: view.successUrl, eventId: signed.event.id };
}

/** "Cancel": the session expires (checkout.session.expired through the webhook). */
export async function cancelLocalCheckout(sessionId: string, opts: { webhookUrl?: string } = {}) {
  const p = await loadSession(sessionId);
  const view = await localCheckoutSession(sessionId);
  if (p.status !== "PENDING") return { redirectTo: view.cancelUrl, eventId: null };
  const signed = signedLocalEvent("checkout.session.expired", sessionObject(p, false));
  await deliverLocalEvent(signed, opts.webhookUrl);
  return { redirectTo: view.cancelUrl, eventId: signed.event.id };
}
