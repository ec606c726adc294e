import { recordOrderOutcomes } from "../server/services/shop/record-order-outcomes";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listProductsRoute } from "../app/api/products/route";
import { POST as createOrderRoute } from "../app/api/orders/route";
import { GET as orderRoute } from "../app/api/orders/[token]/route";
import { db } from "../server/db";
import { isAppError } from "../server/errors";
import { advanceLocalFulfilment, packingSlipKey } from "../server/providers/fulfilment/local";
import { storage } from "../server/providers/storage";
import { queue } from "../server/queues/connection";
import { applyStripeEvent } from "../server/services/payments/apply-event";
import { handleStripeWebhook } from "../server/services/payments/handle-webhook";
import { signedLocalEvent } from "../server/providers/payments/local";
import { runRefund } from "../server/services/payments/run-refund";
import { updateCatalogueVariant } from "../server/services/shop/catalogue";
import { createOrder } from "../server/services/shop/create-order";
import { orderByToken } from "../server/services/shop/queries";
import { resubmitOrder, submitOrder, updateShippingAddress } from "../server/services/shop/submit-order";
import { ADDRESS, drainFulfilmentEvents, paidOrder, shopProduct, useLocalShop } from "./helpers/shop";
import { drainStripeEvents } from "./helpers/commissions";

beforeAll(() => useLocalShop(0));

const mails = (orderId: string) => db.mailMessage.findMany({ where: { entityType: "order", entityId: orderId }, orderBy: { createdAt: "asc" } });

describe("catalogue and variants", () => {
  it("offers every active catalogue variant of the product types a product has print files for, from the cheapest price", async () => {
    const { product, variants } = await shopProduct(["tee", "sticker"]);
    const catalogue = await db.catalogVariant.findMany({ where: { productType: { in: ["tee", "sticker"] } } });
    expect(variants).toHaveLength(catalogue.length);
    expect(new Set(variants.map((v) => v.catalogVariant.productType))).toEqual(new Set(["tee", "sticker"]));
    const cheapest = Math.min(...catalogue.filter((c) => c.active).map((c) => c.retailCents));
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).priceCents).toBe(cheapest);
  });

  it("refuses a retail price below the base cost and changes nothing", async () => {
    const { pick } = await shopProduct(["mug"]);
    const v = pick("mug", "11 oz").catalogVariant;
    const err = await updateCatalogueVariant({ id: v.id, retailCents: v.baseCostCents - 1 }).catch((e: unknown) => e);
    expect(isAppError(err) && err.code).toBe("BAD_REQUEST");
    expect((await db.catalogVariant.findUniqueOrThrow({ where: { id: v.id } })).retailCents).toBe(v.retailCents);
  });
});

describe("orders: bad carts never charge a stale price", () => {
  it("refuses a cart whose price changed or whose variant is gone, storing nothing", async () => {
    const { pick } = await shopProduct(["tee"]);
    const tee = pick("tee", "M", "Black");
    const before = await db.order.count();
    const stale = await createOrder({ items: [{ variantId: tee.id, quantity: 1, unitCents: tee.catalogVariant.retailCents - 100 }], email: "a@example.test" }).catch((e: unknown) => e);
    expect(isAppError(stale) && stale.code).toBe("CONFLICT");
    expect((stale as Error).message).toMatch(/price of .* changed from \$23\.00 to \$24\.00/);
    const gone = await createOrder({ items: [{ variantId: "pv_does_not_exist", quantity: 1 }], email: "a@example.test" }).catch((e: unknown) => e);
    expect(isAppError(gone) && gone.code).toBe("CONFLICT");
    expect((gone as Error).message).toMatch(/no longer available/);
    const bad = await createOrder({ items: [{ variantId: tee.id, quantity: 0 }], email: "not-an-email" }).catch((e: unknown) => e);
    expect(bad).toHaveProperty("issues");
    expect(await db.order.count()).toBe(before);
  });
});

describe("orders: paid → submitted → in production → shipped → delivered (local providers)", () => {
  it("runs the whole lifecycle once, with address, money columns, tracking, packing slip, confirmation, shipped and delivered mails", async () => {
    const { pick } = await shopProduct(["tee", "sticker"]);
    const tee = pick("tee", "L", "Navy");
    const sticker = pick("sticker", "3×3 in");
    const o = await paidOrder([{ variantId: tee.id, quantity: 2 }, { variantId: sticker.id, quantity: 1 }]);
    expect(o.outcome.outcome).toBe("paid");

    const itemsCents = tee.catalogVariant.retailCents * 2 + sticker.catalogVariant.retailCents;
    const paid = await db.order.findUniqueOrThrow({ where: { id: o.id }, include: { payment: true } });
    expect(paid).toMatchObject({ status: "PAID", itemsCents, shippingCents: 475 + 240 * 2, totalCents: itemsCents + 955, shippingRate: "standard", shippingName: "Ada Shopper" });
    expect(paid.baseCostCents).toBe(tee.catalogVariant.baseCostCents * 2 + sticker.catalogVariant.baseCostCents);
    expect(paid.stripeFeeCents).toBe(Math.round(paid.totalCents * 0.029) + 30);
    expect(paid.payment).toMatchObject({ status: "SUCCEEDED", amountCents: paid.totalCents });
    expect(paid.shippingAddress).toMatchObject({ line1: "1 Loaf Street", postal_code: "97201", country: "US" });
    expect(await queue("fulfilment").getJob(o.id)).toBeTruthy();
    // The growth loop hears of it once: a PURCHASE per item, attributed to its listing, and the
    // order's paid costs (base cost and shipping) in the ledger.
    const purchases = await db.outcomeEvent.findMany({ where: { orderId: o.id, kind: "PURCHASE" }, orderBy: { revenueCents: "asc" } });
    expect(purchases.map((e) => [e.quantity, e.revenueCents])).toEqual([[1, sticker.catalogVariant.retailCents], [2, tee.catalogVariant.retailCents * 2]].sort((a, b) => a[1] - b[1]));
    const listingIds = await db.productVariant.findMany({ where: { id: { in: [tee.id, sticker.id] } }, select: { product: { select: { listingId: true } } } });
    expect(new Set(purchases.map((e) => e.listingId))).toEqual(new Set(listingIds.map((v) => v.product.listingId)));
    const costs = await db.costEntry.findMany({ where: { orderId: o.id }, orderBy: { operation: "asc" } });
    expect(costs.map((c) => [c.operation, c.units, c.paid])).toEqual([["base_cost", paid.baseCostCents, true], ["shipping", paid.shippingCostCents, true]]);
    await recordOrderOutcomes(o.id); // a redelivered payment records nothing twice
    expect(await db.outcomeEvent.count({ where: { orderId: o.id } })).toBe(2);
    expect(await db.costEntry.count({ where: { orderId: o.id } })).toBe(2);

    // Submitting twice (a retry, a redelivery) makes one print-shop order.
    const first = await submitOrder(o.id);
    const again = await submitOrder(o.id);
    expect(first.outcome).toBe("submitted");
    expect(again.outcome).toBe("already submitted");
    expect(await db.localFulfilmentOrder.count({ where: { externalId: o.id } })).toBe(1);

    for (const step of ["inprocess", "shipped", "delivered"] as const) {
      await advanceLocalFulfilment(o.id, step, 0);
      await advanceLocalFulfilment(o.id, step, 0); // a rerun announces nothing new
    }
    await drainFulfilmentEvents(o.id);
    const done = await db.order.findUniqueOrThrow({ where: { id: o.id }, include: { events: true } });
    expect(done.status).toBe("DELIVERED");
    expect(done.trackingNumber).toMatch(/^9400\d{18}$/);
    expect(done.trackingUrl).toContain(done.trackingNumber);
    expect(done.fulfilmentProvider).toBe("local");
    expect(done.events.map((e) => e.type)).toEqual(["created", "paid", "submitted", "in_production", "shipped", "delivered"]);
    const slip = await storage().get(packingSlipKey(o.id));
    expect(slip?.subarray(0, 5).toString()).toBe("%PDF-");

    const sent = await mails(o.id);
    expect(sent.map((m) => m.kind)).toEqual(["order.confirmation", "order.shipped", "order.delivered"]);
    expect(sent[1].text).toContain(done.trackingNumber!);

    const view = await orderByToken(o.publicToken);
    expect(view.tracking?.number).toBe(done.trackingNumber);
    expect(view.items).toHaveLength(2);
  });

  it("records one payment and one submission job when the paid event arrives many times", async () => {
    const { pick } = await shopProduct(["tee"]);
    const o = await paidOrder([{ variantId: pick("tee", "S", "White").id, quantity: 1 }]);
    const row = await db.stripeEvent.findUniqueOrThrow({ where: { id: o.eventId } });
    const again = signedLocalEvent("checkout.session.completed", (row.payload as { data: { object: Record<string, unknown> } }).data.object);
    await Promise.all(Array.from({ length: 10 }, () => handleStripeWebhook(again.payload, again.signature)));
    await drainStripeEvents();
    await applyStripeEvent(o.eventId);
    expect(await db.payment.count({ where: { orderId: o.id } })).toBe(1);
    expect(await db.orderEvent.count({ where: { orderId: o.id, type: "paid" } })).toBe(1);
    expect((await mails(o.id)).filter((m) => m.kind === "order.confirmation")).toHaveLength(1);
  });

  it("refunds a payment whose amount does not match the order, and never submits it", async () => {
    const { pick } = await shopProduct(["tee"]);
    const created = await createOrder({ items: [{ variantId: pick("tee", "S", "White").id, quantity: 1 }], email: "m@example.test" });
    const order = await db.order.findUniqueOrThrow({ where: { id: created.id } });
    const s = signedLocalEvent("checkout.session.completed", {
      id: order.checkoutSessionId, object: "checkout.session", metadata: { orderId: order.id }, amount_subtotal: 1, amount_total: 476, currency: "usd", payment_status: "paid", payment_intent: `pi_mismatch_${order.id}`,
      shipping_cost: { amount_total: 475 }, collected_information: { shipping_details: { name: "X", address: { line1: "1 A St", city: "B", postal_code: "1", country: "US" } } },
    });
    await handleStripeWebhook(s.payload, s.signature);
    expect((await applyStripeEvent(s.event.id)).outcome).toMatch(/mismatch, refund requested/);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("REFUND_PENDING");
    const refund = await db.refund.findFirstOrThrow({ where: { payment: { orderId: order.id } } });
    await runRefund(refund.id);
    await drainStripeEvents();
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("REFUNDED");
    expect(await db.localFulfilmentOrder.count({ where: { externalId: order.id } })).toBe(0);
  });
});

describe("public API", () => {
  it("lists products with variants, creates an order (201) and shows it by token", async () => {
    const { product, pick } = await shopProduct(["sticker"]);
    const page = await (await listProductsRoute(new Request("http://localhost/api/products?page=1"))).json();
    expect(page.items.length).toBeGreaterThan(0);
    const bad = await listProductsRoute(new Request("http://localhost/api/products?page=-2"));
    expect(bad.status).toBe(400);
    const all = await db.product.count();
    let found;
    for (let p = 1; p <= Math.ceil(all / 24) && !found; p++) {
      const body = await (await listProductsRoute(new Request(`http://localhost/api/products?page=${p}`))).json();
      found = body.items.find((i: { id: string }) => i.id === product.id);
    }
    expect(found.variants).toHaveLength(3);
    expect(found.variants[0]).toMatchObject({ productType: "sticker", colour: "White", currency: "usd", available: true });
    expect(Object.keys(found.variants[0]).sort()).toEqual(["available", "colour", "currency", "id", "price", "productType", "size"]);

    const v = pick("sticker", "4×4 in");
    const res = await createOrderRoute(new Request("http://localhost/api/orders", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ items: [{ variantId: v.id, quantity: 3 }], email: "api@example.test" }) }));
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(Object.keys(created).sort()).toEqual(["checkoutUrl", "id", "orderUrl"]);
    expect(created.checkoutUrl).toMatch(/\/checkout\/cs_local_/);
    const token = created.orderUrl.split("/o/")[1];
    const shown = await (await orderRoute(new Request("http://localhost"), { params: Promise.resolve({ token }) })).json();
    expect(shown).toMatchObject({ id: created.id, status: "AWAITING_PAYMENT", items: [{ quantity: 3, size: "4×4 in" }], tracking: null, refund: null });
    expect(shown.timeline[0].type).toBe("created");

    const notJson = await createOrderRoute(new Request("http://localhost/api/orders", { method: "POST", body: "{" }));
    expect(notJson.status).toBe(400);
    const unknown = await orderRoute(new Request("http://localhost"), { params: Promise.resolve({ token: "x".repeat(43) }) });
    expect(unknown.status).toBe(404);
  });
});

describe("address refused by the print shop", () => {
  it("puts the order on hold with the reason and mails the shopper", async () => {
    const { pick } = await shopProduct(["tee"]);
    const o = await paidOrder([{ variantId: pick("tee", "S", "White").id, quantity: 1 }], { ...ADDRESS, line1: "   1 X" });
    await db.order.update({ where: { id: o.id }, data: { shippingAddress: { line1: "", city: "", postal_code: "", country: "US" } } });
    const r = await submitOrder(o.id);
    expect(r.outcome).toBe("on hold");
    const held = await db.order.findUniqueOrThrow({ where: { id: o.id } });
    expect(held.status).toBe("ON_HOLD");
    expect(held.problem).toMatch(/address is incomplete/);
    expect((await mails(o.id)).map((m) => m.kind)).toContain("order.problem");

    // The admin corrects the address and resubmits: the print shop takes it.
    await updateShippingAddress(o.id, { name: "Ada Shopper", address: { line1: "2 Loaf Street", city: "Portland", postal_code: "97201", country: "US" } });
    await resubmitOrder(o.id);
    expect(await queue("fulfilment").getJob(`${o.id}-resubmit-1`)).toBeTruthy();
    expect((await submitOrder(o.id)).outcome).toBe("submitted");
    expect(await db.order.findUniqueOrThrow({ where: { id: o.id } })).toMatchObject({ status: "SUBMITTED", problem: null });
    expect((await db.localFulfilmentOrder.findUniqueOrThrow({ where: { externalId: o.id } })).recipient).toMatchObject({ address1: "2 Loaf Street" });
  });
});
