import { db } from "../../server/db";
import { resetEnvCache } from "../../server/env";
import { resetFulfilmentProvider } from "../../server/providers/fulfilment";
import { applyStripeEvent } from "../../server/services/payments/apply-event";
import { payLocalCheckout, type LocalShipping } from "../../server/services/payments/local-checkout";
import { seedCatalogue, syncProductVariants } from "../../server/services/shop/catalogue";
import { createOrder } from "../../server/services/shop/create-order";
import { applyFulfilmentEvent } from "../../server/services/shop/apply-fulfilment-event";
import { makeDesign } from "./designs";
import { uid } from "./factories";

/** A published storefront product of a DONE design with print files for `types`, and its catalogue variants. */
export async function shopProduct(types: string[] = ["tee", "sticker"], title = "Loaf Mode Engaged") {
  await seedCatalogue();
  const made = await makeDesign({ productTypes: types, title });
  const design = await db.design.update({ where: { id: made.design.id }, data: { status: "DONE", previewAt: new Date(), finishedAt: new Date() } });
  await db.designFile.createMany({
    data: types.map((t) => ({ designId: design.id, kind: "PRINT" as const, productType: t, storageKey: `designs/${design.id}/print-${t}.png`, width: 100, height: 100, dpi: 300, hasAlpha: true, bytes: 1 })),
  });
  const listing = await db.listing.create({ data: { designId: design.id, title, description: "A test product", bullets: [], tags: [], priceCents: 2400 } });
  const product = await db.product.create({ data: { listingId: listing.id, slug: uid("shop-test-"), title, priceCents: 0, coverKey: `designs/${design.id}/mockup-tee.png` } });
  await syncProductVariants(listing.id);
  const variants = await db.productVariant.findMany({ where: { productId: product.id }, include: { catalogVariant: true } });
  const pick = (type: string, size?: string, colour?: string) =>
    variants.find((v) => v.catalogVariant.productType === type && (!size || v.catalogVariant.size === size) && (!colour || v.catalogVariant.colour === colour))!;
  return { product, listing, design, variants, pick };
}

export const ADDRESS: LocalShipping = { name: "Ada Shopper", line1: "1 Loaf Street", city: "Portland", state: "OR", postal_code: "97201", country: "US", rate: "standard" };

/** Local fulfilment at once (no delay) and the local payments provider. */
export function useLocalShop(stepSeconds = 0) {
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.PAYMENTS_PROVIDER;
  delete process.env.FULFILMENT_PROVIDER;
  process.env.LOCAL_FULFILMENT_STEP_SECONDS = String(stepSeconds);
  resetEnvCache();
  resetFulfilmentProvider();
}

/** An order created through the service and paid on the local checkout with an address. */
export async function paidOrder(items: Array<{ variantId: string; quantity: number }>, shipping: LocalShipping = ADDRESS, email = `${uid("shopper-")}@example.test`) {
  const created = await createOrder({ items, email });
  const order = await db.order.findUniqueOrThrow({ where: { id: created.id } });
  const paid = await payLocalCheckout(order.checkoutSessionId!, { shipping });
  const outcome = await applyStripeEvent(paid.eventId!);
  return { ...created, sessionId: order.checkoutSessionId!, eventId: paid.eventId!, outcome };
}

/** Applies every recorded, unprocessed fulfilment event for this order (what the workers do). */
export async function drainFulfilmentEvents(orderId: string) {
  const rows = await db.fulfilmentEvent.findMany({ where: { orderId, processedAt: null }, orderBy: { createdAt: "asc" } });
  const out = [];
  for (const r of rows) out.push(await applyFulfilmentEvent(r.id));
  return out;
}
