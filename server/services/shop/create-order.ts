import { randomBytes } from "node:crypto";
import { db } from "../../db";
import { env } from "../../env";
import { AppError } from "../../errors";
import { log } from "../../log";
import { payments } from "../../providers/payments";
import { storage } from "../../providers/storage";
import { SHIPPING_COUNTRIES, SHIPPING_RATES, shippingCents } from "../../../lib/shop";
import { ZCreateOrder, type CreateOrderInput } from "./schema";
import { validateCart } from "./validate-cart";

export type CreatedOrder = { id: string; publicToken: string; checkoutUrl: string; orderUrl: string };

export const orderUrlFor = (publicToken: string) => `${env().appUrl}/o/${publicToken}`;

/** Shipping options for a cart of `itemCount` items, as the checkout offers them. */
export const shippingOptionsFor = (itemCount: number) =>
  SHIPPING_RATES.map((r) => ({ id: r.id, label: r.label, amountCents: shippingCents(r.id, itemCount)!, minDays: r.minDays, maxDays: r.maxDays }));

/**
 * Re-validates the cart against current prices and availability, stores the order
 * AWAITING_PAYMENT with its items at those prices, and opens one checkout session for it
 * (idempotency key = order id). The one entry point for the storefront and the public API.
 * A stale price or a missing variant refuses the whole order with a message (nothing is stored).
 */
export async function createOrder(raw: CreateOrderInput): Promise<CreatedOrder> {
  const input = ZCreateOrder.parse(raw);
  const { lines, problems } = await validateCart(input.items);
  if (problems.length) {
    throw new AppError("CONFLICT", `${problems.map((p) => p.message).join(". ")}. Review your cart and try again.`, { problems });
  }
  const currencies = new Set(lines.map((l) => l.currency));
  if (currencies.size !== 1) throw new AppError("BAD_REQUEST", "All items in one order must be priced in the same currency");
  const currency = lines[0].currency;
  const itemCount = lines.reduce((n, l) => n + l.quantity, 0);
  const itemsCents = lines.reduce((n, l) => n + l.unitCents * l.quantity, 0);
  const baseCostCents = lines.reduce((n, l) => n + l.baseCostCents * l.quantity, 0);

  const publicToken = randomBytes(32).toString("base64url");
  const order = await db.order.create({
    data: {
      publicToken,
      email: input.email,
      currency,
      itemsCents,
      baseCostCents,
      items: {
        create: lines.map((l) => ({ productVariantId: l.variantId, title: l.title, productType: l.productType, size: l.size, colour: l.colour, quantity: l.quantity, unitCents: l.unitCents, baseCostCents: l.baseCostCents })),
      },
      events: { create: { type: "created", message: "Order placed, waiting for payment", dedupeKey: "created" } },
    },
  });

  const orderUrl = orderUrlFor(publicToken);
  const provider = payments();
  let session: { sessionId: string; url: string };
  try {
    session = await provider.createCheckoutSession({
      orderId: order.id,
      amountCents: itemsCents,
      currency,
      description: `Merchloop order (${itemCount} item${itemCount === 1 ? "" : "s"})`,
      lineItems: lines.map((l) => ({ name: l.title, description: `${l.colour} · ${l.size}`, unitCents: l.unitCents, quantity: l.quantity, imageUrl: storage().publicUrl(l.coverKey) })),
      shipping: { allowedCountries: SHIPPING_COUNTRIES, options: shippingOptionsFor(itemCount) },
      automaticTax: env().STRIPE_AUTOMATIC_TAX,
      customerEmail: input.email,
      successUrl: orderUrl,
      cancelUrl: `${env().appUrl}/cart?cancelled=1`,
      metadata: { orderId: order.id },
      idempotencyKey: `checkout:${order.id}`,
    });
  } catch (err) {
    log.error({ err: err instanceof Error ? err.message : String(err), orderId: order.id }, "order checkout session failed");
    await db.order.update({ where: { id: order.id }, data: { status: "EXPIRED" } });
    throw new AppError("UPSTREAM", "The payment provider is not answering right now. Please try again in a minute");
  }
  await db.$transaction([
    db.order.update({ where: { id: order.id }, data: { checkoutSessionId: session.sessionId } }),
    db.payment.create({ data: { provider: provider.name, orderId: order.id, checkoutSessionId: session.sessionId, amountCents: itemsCents, currency, checkoutUrl: session.url } }),
  ]);
  return { id: order.id, publicToken, checkoutUrl: session.url, orderUrl };
}
