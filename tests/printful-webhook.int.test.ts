import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "../app/api/webhooks/printful/route";
import { db } from "../server/db";
import { runRefund } from "../server/services/payments/run-refund";
import { fulfilmentWebhookToken } from "../server/services/shop/handle-printful-webhook";
import { submitOrder } from "../server/services/shop/submit-order";
import { drainStripeEvents } from "./helpers/commissions";
import { drainFulfilmentEvents, paidOrder, shopProduct, useLocalShop } from "./helpers/shop";

// Every Printful webhook type through the real route: verified by the URL token, recorded once,
// applied from the queue's processor in any order.

beforeAll(() => useLocalShop(3600)); // the local print shop's own steps stay far in the future

let created = 1_733_000_000;
function hook(type: string, orderId: string, data: Record<string, unknown> = {}, opts: { token?: string | null; retries?: number; created?: number } = {}) {
  const body = { type, created: opts.created ?? created++, retries: opts.retries ?? 0, store: 42, data: { order: { id: 9001, external_id: orderId, status: "pending" }, ...data } };
  const token = opts.token === undefined ? fulfilmentWebhookToken() : opts.token;
  const url = `http://localhost/api/webhooks/printful${token === null ? "" : `?token=${encodeURIComponent(token)}`}`;
  return { body, request: () => new Request(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }) };
}
const shipment = { id: 555, carrier: "USPS", service: "First Class", tracking_number: "9400111899223344556677", tracking_url: "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223344556677" };

async function submitted() {
  const { pick } = await shopProduct(["tee"]);
  const o = await paidOrder([{ variantId: pick("tee", "M", "White").id, quantity: 1 }]);
  await submitOrder(o.id);
  return o;
}
const statusOf = async (id: string) => (await db.order.findUniqueOrThrow({ where: { id } })).status;

describe("POST /api/webhooks/printful", () => {
  it("refuses a missing or wrong token with 401 and records nothing", async () => {
    const o = await submitted();
    for (const token of [null, "wrong-token-wrong-token"]) {
      const res = await POST(hook("package_shipped", o.id, { shipment }, { token }).request());
      expect(res.status).toBe(401);
    }
    expect(await db.fulfilmentEvent.count({ where: { orderId: o.id } })).toBe(0);
    expect(await statusOf(o.id)).toBe("SUBMITTED");
  });

  it("ignores an event for an unknown order and a malformed body, changing nothing", async () => {
    const before = await db.fulfilmentEvent.count();
    const unknown = await POST(hook("package_shipped", "ord_nobody_has_this", { shipment }).request());
    expect(await unknown.json()).toMatchObject({ ignored: "unknown order" });
    const malformed = await POST(new Request(`http://localhost/api/webhooks/printful?token=${encodeURIComponent(fulfilmentWebhookToken())}`, { method: "POST", body: "{\"type\":1}" }));
    expect(malformed.status).toBe(400);
    expect(await db.fulfilmentEvent.count()).toBe(before);
  });

  it("order_updated (inprocess), package_shipped and shipment_delivered move the order forward; a redelivery is recorded once", async () => {
    const o = await submitted();
    const shipped = hook("package_shipped", o.id, { shipment });
    await POST(hook("order_updated", o.id, { order: { id: 9001, external_id: o.id, status: "inprocess" } }).request());
    await POST(shipped.request());
    // Printful's retry of the same event: same content, `retries` bumped.
    const redelivered = await POST(new Request(shipped.request().url, { method: "POST", body: JSON.stringify({ ...shipped.body, retries: 1 }) }));
    expect(await redelivered.json()).toMatchObject({ duplicate: true });
    await drainFulfilmentEvents(o.id);
    const row = await db.order.findUniqueOrThrow({ where: { id: o.id } });
    expect(row).toMatchObject({ status: "SHIPPED", carrier: "USPS", trackingNumber: shipment.tracking_number, trackingUrl: shipment.tracking_url });
    await POST(hook("shipment_delivered", o.id, { shipment }).request());
    await drainFulfilmentEvents(o.id);
    expect(await statusOf(o.id)).toBe("DELIVERED");
    expect(await db.fulfilmentEvent.count({ where: { orderId: o.id, type: "package_shipped" } })).toBe(1);
    expect(await db.mailMessage.count({ where: { entityId: o.id, kind: "order.shipped" } })).toBe(1);
  });

  it("applies out of order: shipped before in production leaves it SHIPPED", async () => {
    const o = await submitted();
    await POST(hook("package_shipped", o.id, { shipment }).request());
    await drainFulfilmentEvents(o.id);
    await POST(hook("order_updated", o.id, { order: { id: 9001, external_id: o.id, status: "inprocess" } }).request());
    await drainFulfilmentEvents(o.id);
    expect(await statusOf(o.id)).toBe("SHIPPED");
  });

  it("order_put_hold holds it with the reason; order_remove_hold puts it back", async () => {
    const o = await submitted();
    await POST(hook("order_put_hold", o.id, { reason: "Print file resolution too low" }).request());
    await drainFulfilmentEvents(o.id);
    expect(await db.order.findUniqueOrThrow({ where: { id: o.id } })).toMatchObject({ status: "ON_HOLD", problem: "Print file resolution too low" });
    expect(await db.mailMessage.count({ where: { entityId: o.id, kind: "order.problem" } })).toBe(1);
    await POST(hook("order_remove_hold", o.id, { reason: "Fixed" }).request());
    await drainFulfilmentEvents(o.id);
    expect(await statusOf(o.id)).toBe("SUBMITTED");
  });

  it.each(["order_failed", "order_canceled"])("%s ends in one automatic refund, mailed once", async (type) => {
    const o = await submitted();
    await POST(hook(type, o.id, { reason: "Out of stock" }).request());
    await POST(hook(type, o.id, { reason: "Out of stock" }, { created: created + 100 }).request()); // a second, distinct delivery
    await drainFulfilmentEvents(o.id);
    expect(await statusOf(o.id)).toBe("REFUND_PENDING");
    const refunds = await db.refund.findMany({ where: { payment: { orderId: o.id } } });
    expect(refunds).toHaveLength(1);
    await runRefund(refunds[0].id);
    await runRefund(refunds[0].id);
    await drainStripeEvents();
    const row = await db.order.findUniqueOrThrow({ where: { id: o.id }, include: { payment: true } });
    expect(row.status).toBe("REFUNDED");
    expect(row.refundedCents).toBe(row.totalCents);
    expect(row.payment).toMatchObject({ status: "REFUNDED", refundedCents: row.totalCents });
    expect(row.problem).toMatch(/Out of stock/);
    expect(await db.mailMessage.count({ where: { entityId: o.id, kind: "order.refund" } })).toBe(1);
  });

  it("package_returned records the problem on the timeline", async () => {
    const o = await submitted();
    await POST(hook("package_returned", o.id, { shipment, reason: "Address not found" }).request());
    await drainFulfilmentEvents(o.id);
    const row = await db.order.findUniqueOrThrow({ where: { id: o.id }, include: { events: true } });
    expect(row.problem).toMatch(/Address not found/);
    expect(row.events.some((e) => e.type === "returned")).toBe(true);
  });
});
