import { db } from "../../db";
import { env } from "../../env";
import { money } from "../../../lib/format";
import { composeMail } from "../mail/compose";
import { sendMail } from "../mail/send-mail";
import { statusUrlFor } from "./create-commission";

export type CommissionMailKind = "receipt" | "ready" | "refund";

/**
 * Emails the commissioner (when they left an address): the receipt once paid, "your product is
 * ready" once completed, and any refund. Once per commission and kind (idempotency key); a transport
 * failure is recorded in the outbox, never thrown into the fulfilment.
 */
export async function notifyCommission(commissionId: string, kind: CommissionMailKind) {
  const c = await db.commission.findUnique({ where: { id: commissionId }, include: { tier: { select: { name: true } }, product: { select: { slug: true, title: true } } } });
  if (!c?.email) return null;
  const status = statusUrlFor(c.publicToken);
  const body =
    kind === "receipt"
      ? { subject: `Receipt: your ${c.tier.name} commission`, heading: "Thanks, we're making it", paragraphs: [`We received ${money(c.amountCents, c.currency)} for a ${c.tier.name} commission. Watch it being made on your status page.`], link: { label: "Your commission", href: status } }
      : kind === "ready"
        ? { subject: "Your product is ready", heading: c.product ? `"${c.product.title}" is ready` : "Your product is ready", paragraphs: ["Your commissioned design is finished and on the storefront."], link: { label: "See your product", href: c.product ? `${env().appUrl}/products/${c.product.slug}` : status } }
        : { subject: "Your commission was refunded", heading: "We refunded your commission", paragraphs: [`${money(c.amountCents, c.currency)} is on its way back to your card; banks take 5–10 days to show it.`], link: { label: "Your commission", href: status } };
  const { text, html } = composeMail({ heading: body.heading, paragraphs: body.paragraphs, link: body.link });
  return sendMail({ to: c.email, subject: body.subject, text, html, kind: `commission.${kind}`, idempotencyKey: `commission:${c.id}:${kind}`, entityType: "commission", entityId: c.id });
}
