import type Stripe from "stripe";

// Reads the parts of Stripe events this app acts on.

export const HANDLED_EVENTS = [
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "checkout.session.async_payment_failed",
  "checkout.session.expired",
  "charge.refunded",
  "refund.updated",
  "charge.refund.updated",
] as const;
export type HandledEvent = (typeof HANDLED_EVENTS)[number];

export const isHandled = (type: string): type is HandledEvent => (HANDLED_EVENTS as readonly string[]).includes(type);

type Obj = { id?: string; status?: string | null } & Record<string, unknown>;

/**
 * The key for (objectId, type) deduplication. Refund updates carry their status, because one refund
 * legitimately moves pending → succeeded and each step must count. charge.refunded carries the
 * refunded total, because one charge is refunded in steps (partial, then the rest) and each counts.
 */
export function objectKey(event: Pick<Stripe.Event, "type" | "data">): string {
  const o = event.data.object as unknown as Obj;
  const id = o.id ?? "unknown";
  if (event.type === "refund.updated" || event.type === "charge.refund.updated") return `${id}:${o.status ?? ""}`;
  if (event.type === "charge.refunded") return `${id}:${String(o.amount_refunded ?? "")}`;
  return id;
}

export const idOf = (v: unknown): string | null => (typeof v === "string" ? v : v && typeof v === "object" && "id" in v ? String((v as { id: unknown }).id) : null);

type ShippingDetails = { name?: string | null; address?: Record<string, string | null> | null } | null | undefined;

/**
 * The shop's parts of a paid Checkout Session: subtotal, shipping, tax and where to ship. Stripe
 * moved shipping details to collected_information.shipping_details (2025 API versions); older
 * versions send shipping_details at the top level. Both are read.
 */
export function orderSessionOf(s: Partial<Stripe.Checkout.Session>) {
  const o = s as Record<string, unknown> & { collected_information?: { shipping_details?: ShippingDetails } | null; shipping_details?: ShippingDetails };
  const details = o.collected_information?.shipping_details ?? o.shipping_details ?? null;
  return {
    amountSubtotal: s.amount_subtotal ?? null,
    shippingCents: s.shipping_cost?.amount_total ?? s.total_details?.amount_shipping ?? 0,
    taxCents: s.total_details?.amount_tax ?? 0,
    shipping: details ? { name: details.name ?? null, address: details.address ?? null } : null,
  };
}
