import { db } from "../../db";
import { money } from "../../../lib/format";
import { composeMail } from "../mail/compose";
import { sendMail } from "../mail/send-mail";
import { orderUrlFor } from "./create-order";

export type OrderMailKind = "confirmation" | "shipped" | "delivered" | "refund" | "problem";

/**
 * Emails the shopper about their order. The idempotency key (order + kind) makes a rerun of the
 * event or job that triggers it mail once. A transport failure is recorded in the outbox, not thrown.
 */
export async function notifyOrder(orderId: string, kind: OrderMailKind) {
  const o = await db.order.findUnique({ where: { id: orderId }, include: { items: true } });
  if (!o) return null;
  const url = orderUrlFor(o.publicToken);
  const items = o.items.map((i) => [`${i.quantity} × ${i.title}`, `${i.colour} · ${i.size} · ${money(i.unitCents * i.quantity, o.currency)}`] as [string, string]);
  const body =
    kind === "confirmation"
      ? {
          subject: "Your Merchloop order is confirmed",
          heading: "Thanks, your order is confirmed",
          paragraphs: [`We received your payment of ${money(o.totalCents, o.currency)}. Your items are printed on demand; we email you again when they ship.`],
          rows: [...items, ["Shipping", money(o.shippingCents, o.currency)] as [string, string], ["Total", money(o.totalCents, o.currency)] as [string, string]],
        }
      : kind === "shipped"
        ? {
            subject: "Your Merchloop order has shipped",
            heading: "Your order is on its way",
            paragraphs: [`It shipped with ${o.carrier ?? "the carrier"}.`],
            rows: [["Tracking number", o.trackingNumber ?? "—"] as [string, string], ...(o.trackingUrl ? [["Track it", o.trackingUrl] as [string, string]] : [])],
          }
        : kind === "delivered"
          ? {
              subject: "Your Merchloop order was delivered",
              heading: "Delivered",
              paragraphs: [`The carrier reports your order as delivered${o.trackingNumber ? ` (tracking ${o.trackingNumber})` : ""}. Enjoy it!`],
              rows: items,
            }
        : kind === "refund"
          ? {
              subject: "Your Merchloop order was refunded",
              heading: "We refunded your order",
              paragraphs: [`${money(o.refundedCents || o.totalCents, o.currency)} is on its way back to your card; banks take 5–10 days to show it.`, ...(o.problem ? [`Why: ${o.problem}`] : [])],
              rows: items,
            }
          : {
              subject: "A problem with your Merchloop order",
              heading: "Your order is on hold",
              paragraphs: [`The print shop could not take your order: ${o.problem ?? "unknown reason"}. We are looking at it; if it cannot be fixed, we refund you in full.`],
              rows: items,
            };
  const { text, html } = composeMail({ heading: body.heading, paragraphs: body.paragraphs, rows: body.rows, link: { label: "Your order page", href: url } });
  return sendMail({ to: o.email, subject: body.subject, text, html, kind: `order.${kind}`, idempotencyKey: `order:${o.id}:${kind}`, entityType: "order", entityId: o.id });
}
