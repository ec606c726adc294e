import { db } from "../../db";
import { log } from "../../log";
import { trackingUrlFor } from "../../providers/fulfilment/local";
import type { PrintfulWebhook } from "./handle-printful-webhook";
import { notifyOrder } from "./notify-order";
import { recordOrderEvent, transitionOrder } from "./order-state";
import { requestOrderRefund } from "./refund-order";

/** What the shipment says, kept on the order whatever its status (a late event still fills it in). */
async function keepShipment(orderId: string, e: PrintfulWebhook) {
  const s = e.data.shipment;
  if (!s?.tracking_number) return;
  const trackingNumber = String(s.tracking_number);
  await db.order.updateMany({
    where: { id: orderId, trackingNumber: null },
    data: { carrier: s.carrier ?? null, trackingNumber, trackingUrl: s.tracking_url ?? trackingUrlFor(trackingNumber), shippedAt: new Date(e.created * 1000) },
  });
}

async function dispatch(orderId: string, eventId: string, e: PrintfulWebhook): Promise<string> {
  const providerStatus = e.data.order?.status;
  if (providerStatus) await db.order.update({ where: { id: orderId }, data: { fulfilmentStatus: providerStatus } });
  const reason = e.data.reason ?? "no reason given";
  switch (e.type) {
    case "order_updated":
      if (providerStatus === "inprocess" && (await transitionOrder(orderId, "IN_PRODUCTION"))) {
        await recordOrderEvent(orderId, { type: "in_production", message: "Being printed", dedupeKey: "in_production" });
        return "in production";
      }
      return `provider status ${providerStatus ?? "unknown"}`;
    case "package_shipped": {
      await keepShipment(orderId, e);
      if (await transitionOrder(orderId, "SHIPPED", { shippedAt: new Date(e.created * 1000) })) {
        const o = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { carrier: true, trackingNumber: true } });
        await recordOrderEvent(orderId, { type: "shipped", message: `Shipped with ${o.carrier ?? "the carrier"}, tracking ${o.trackingNumber ?? "—"}`, dedupeKey: "shipped" });
      }
      // Mail whenever tracking exists and the order is not refunded (idempotent by key).
      const now = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true, trackingNumber: true } });
      if (now.trackingNumber && (now.status === "SHIPPED" || now.status === "DELIVERED")) await notifyOrder(orderId, "shipped");
      return "shipped";
    }
    case "shipment_delivered":
      await keepShipment(orderId, e);
      if (await transitionOrder(orderId, "DELIVERED", { deliveredAt: new Date(e.created * 1000) })) {
        await recordOrderEvent(orderId, { type: "delivered", message: "Delivered", dedupeKey: "delivered" });
        await notifyOrder(orderId, "delivered");
      }
      return "delivered";
    case "package_returned":
      await recordOrderEvent(orderId, { type: "returned", message: `The package was returned to the print shop: ${reason}`, dedupeKey: `returned:${eventId}` });
      await db.order.update({ where: { id: orderId }, data: { problem: `package returned: ${reason}` } });
      return "returned";
    case "order_put_hold":
      if (await transitionOrder(orderId, "ON_HOLD", { problem: reason })) {
        await recordOrderEvent(orderId, { type: "on_hold", message: `On hold at the print shop: ${reason}`, dedupeKey: `on_hold:${eventId}` });
        await notifyOrder(orderId, "problem");
      }
      return "on hold";
    case "order_remove_hold":
      if (await transitionOrder(orderId, "SUBMITTED", { problem: null }, db, { status: "ON_HOLD" })) {
        await recordOrderEvent(orderId, { type: "hold_removed", message: "Back in the print queue", dedupeKey: `hold_removed:${eventId}` });
      }
      return "hold removed";
    case "order_failed":
    case "order_canceled": {
      const what = e.type === "order_failed" ? "failed" : "was canceled";
      if (e.type === "order_canceled") await transitionOrder(orderId, "CANCELED", { problem: reason });
      await recordOrderEvent(orderId, { type: e.type === "order_failed" ? "failed" : "canceled", message: `The print shop order ${what}: ${reason}`, dedupeKey: e.type });
      const o = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true } });
      if (o.status === "REFUNDED") return "already refunded";
      await requestOrderRefund(orderId, e.type === "order_failed" ? "fulfilment_failed" : "fulfilment_canceled", { problem: `The print shop order ${what}: ${reason}` });
      return "refund requested";
    }
    default:
      return `ignored: ${e.type}`;
  }
}

/** Applies one recorded fulfilment event (the `fulfilment-event` queue). Idempotent. */
export async function applyFulfilmentEvent(eventId: string) {
  const row = await db.fulfilmentEvent.findUnique({ where: { id: eventId } });
  if (!row) return { outcome: "ignored: unknown event" };
  if (row.processedAt) return { outcome: "already processed" };
  if (!row.orderId) return { outcome: "ignored: no order" };
  const outcome = await dispatch(row.orderId, row.id, row.payload as unknown as PrintfulWebhook);
  await db.fulfilmentEvent.update({ where: { id: eventId }, data: { processedAt: new Date() } });
  log.info({ eventId, type: row.type, orderId: row.orderId, outcome }, "fulfilment event applied");
  return { outcome };
}
