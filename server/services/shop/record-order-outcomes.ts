import { db } from "../../db";
import { env } from "../../env";
import { recordCost } from "../costs/record-cost";
import { recordOutcomes } from "../outcomes/record-outcomes";

/**
 * A paid order feeds the growth loop: one PURCHASE outcome per item (attributed through its
 * product's listing to the design, idea, signal and community) and the order's costs in the ledger
 * — the print provider's base cost and shipping, and the card fee when Stripe took the money. All
 * are paid spend (outside the discretionary budget) and idempotent by order, so a redelivered
 * payment event records nothing twice.
 */
export async function recordOrderOutcomes(orderId: string) {
  const o = await db.order.findUnique({
    where: { id: orderId },
    select: {
      id: true,
      currency: true,
      paidAt: true,
      totalCents: true,
      shippingCostCents: true,
      items: { select: { id: true, quantity: true, unitCents: true, baseCostCents: true, productVariant: { select: { product: { select: { listingId: true, community: true } } } } } },
      payment: { select: { provider: true, checkoutSessionId: true, status: true } },
    },
  });
  if (!o) return;
  await recordOutcomes(
    o.items.map((i) => ({
      kind: "PURCHASE" as const,
      source: "STOREFRONT" as const,
      marketplace: "LOCAL" as const,
      occurredAt: o.paidAt ?? undefined,
      listingId: i.productVariant.product.listingId,
      orderId: o.id,
      quantity: i.quantity,
      revenueCents: i.unitCents * i.quantity,
      currency: o.currency,
      dedupeKey: `order:${o.id}:${i.id}`,
    })),
  );
  const provider = env().providers.fulfilment;
  const base = o.items.reduce((sum, i) => sum + i.baseCostCents * i.quantity, 0);
  const attribution = { orderId: o.id, paid: true };
  await recordCost({ provider, operation: "base_cost", priceBase: "printful:base_cost", units: { cent: base }, dedupeKey: `order:${o.id}:base_cost`, ...attribution });
  if (o.shippingCostCents) await recordCost({ provider, operation: "shipping", priceBase: "printful:shipping", units: { cent: o.shippingCostCents }, dedupeKey: `order:${o.id}:shipping`, ...attribution });
  const payment = o.payment?.status === "SUCCEEDED" ? o.payment : null;
  if (payment?.provider === "stripe" && o.totalCents) {
    await recordCost({ provider: "stripe", operation: "fee", priceBase: "stripe:card", units: { cent: o.totalCents }, dedupeKey: `stripe:fee:${payment.checkoutSessionId}`, ...attribution });
  }
}
