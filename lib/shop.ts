// The shop's vocabulary, shared by server and browser: order statuses, the timeline, shipping rates.

export const ORDER_STATUSES = [
  "AWAITING_PAYMENT",
  "EXPIRED",
  "PAID",
  "SUBMITTED",
  "ON_HOLD",
  "IN_PRODUCTION",
  "SHIPPED",
  "DELIVERED",
  "CANCELED",
  "REFUND_PENDING",
  "REFUNDED",
] as const;
export type OrderStatusName = (typeof ORDER_STATUSES)[number];

/** The happy path, in order: the shopper's timeline shows these steps. */
export const ORDER_TIMELINE: OrderStatusName[] = ["PAID", "SUBMITTED", "IN_PRODUCTION", "SHIPPED", "DELIVERED"];

export const ORDER_STATUS_LABEL: Record<OrderStatusName, string> = {
  AWAITING_PAYMENT: "Waiting for payment",
  EXPIRED: "Checkout expired",
  PAID: "Paid",
  SUBMITTED: "Sent to the printer",
  ON_HOLD: "On hold",
  IN_PRODUCTION: "In production",
  SHIPPED: "Shipped",
  DELIVERED: "Delivered",
  CANCELED: "Canceled",
  REFUND_PENDING: "Refund pending",
  REFUNDED: "Refunded",
};

/**
 * Flat shipping rates (US, Printful-like): the first item costs `firstCents`, each further item
 * `additionalCents`. The shopper pays what the provider charges us (pass-through).
 */
export const SHIPPING_RATES = [
  { id: "standard", label: "Standard (5–8 business days)", firstCents: 475, additionalCents: 240, minDays: 5, maxDays: 8 },
  { id: "express", label: "Express (2–3 business days)", firstCents: 1195, additionalCents: 300, minDays: 2, maxDays: 3 },
] as const;
export type ShippingRateId = (typeof SHIPPING_RATES)[number]["id"];

export function shippingCents(rateId: string, itemCount: number): number | null {
  const rate = SHIPPING_RATES.find((r) => r.id === rateId);
  if (!rate || itemCount < 1) return null;
  return rate.firstCents + rate.additionalCents * (itemCount - 1);
}

/** Stripe's standard card pricing (2.9% + 30¢), used when the provider does not report the fee. */
export const stripeFeeCents = (totalCents: number) => (totalCents > 0 ? Math.round(totalCents * 0.029) + 30 : 0);

/** Countries we ship to (Stripe's allowed_countries, the local checkout's list). */
export const SHIPPING_COUNTRIES = ["US", "CA", "GB", "DE", "FR", "NL", "AU"] as const;

export const MAX_CART_QUANTITY = 20;
export const MAX_CART_LINES = 25;
