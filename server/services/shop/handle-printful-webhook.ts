import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { db } from "../../db";
import { env } from "../../env";
import { log } from "../../log";
import { localWebhookSecret } from "../../providers/payments/local-secret";
import { enqueue } from "../../queues/enqueue";

// Printful's v1 webhooks carry no signature. What Printful allows is a secret in the URL we
// register: $APP_URL/api/webhooks/printful?token=<PRINTFUL_WEBHOOK_SECRET>. A delivery without the
// token (compared in constant time) changes nothing. Each event is recorded once and applied from
// the `fulfilment-event` queue; an event for an order we do not have is ignored.

export const FULFILMENT_EVENTS = ["order_updated", "package_shipped", "shipment_delivered", "package_returned", "order_failed", "order_canceled", "order_put_hold", "order_remove_hold"] as const;
export type FulfilmentEventType = (typeof FULFILMENT_EVENTS)[number];

const ZOrderRef = z.object({ id: z.union([z.number(), z.string()]).optional(), external_id: z.string().nullish(), status: z.string().optional() }).loose();
export const ZPrintfulWebhook = z.object({
  type: z.string().min(1),
  created: z.number(),
  retries: z.number().optional(),
  store: z.number().optional(),
  data: z
    .object({
      order: ZOrderRef.optional(),
      shipment: z.object({ id: z.union([z.number(), z.string()]).optional(), carrier: z.string().nullish(), service: z.string().nullish(), tracking_number: z.union([z.string(), z.number()]).nullish(), tracking_url: z.string().nullish() }).loose().optional(),
      reason: z.string().nullish(),
    })
    .loose(),
});
export type PrintfulWebhook = z.infer<typeof ZPrintfulWebhook>;

/** The token Printful must send: PRINTFUL_WEBHOOK_SECRET, or (local print shop) one derived from the local secret. */
export function fulfilmentWebhookToken(): string {
  return env().PRINTFUL_WEBHOOK_SECRET ?? createHmac("sha256", localWebhookSecret()).update("merchloop-printful-webhook").digest("base64url");
}

function tokenMatches(given: string | null) {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(fulfilmentWebhookToken());
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Same event redelivered (Printful bumps `retries`) → same id. */
export function fulfilmentEventId(e: PrintfulWebhook) {
  const key = [e.type, e.data.order?.external_id ?? "", e.data.order?.id ?? "", e.data.order?.status ?? "", e.data.shipment?.id ?? "", e.created].join("|");
  return `pf_${createHash("sha256").update(key).digest("hex").slice(0, 32)}`;
}

export type WebhookResult = { status: number; body: Record<string, unknown> };
const refused = (status: number, code: string, message: string): WebhookResult => ({ status, body: { error: { code, message } } });

export async function handlePrintfulWebhook(rawBody: string, token: string | null): Promise<WebhookResult> {
  if (!tokenMatches(token)) {
    log.warn("printful webhook refused: missing or wrong token");
    return refused(401, "UNAUTHORIZED", "Missing or wrong webhook token");
  }
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return refused(400, "BAD_REQUEST", "The body is not JSON");
  }
  const parsed = ZPrintfulWebhook.safeParse(json);
  if (!parsed.success) return refused(400, "BAD_REQUEST", `Not a Printful webhook: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const event = parsed.data;
  if (!(FULFILMENT_EVENTS as readonly string[]).includes(event.type)) return { status: 200, body: { received: true, ignored: event.type } };
  const orderId = event.data.order?.external_id ?? null;
  const known = orderId ? await db.order.findUnique({ where: { id: orderId }, select: { id: true } }) : null;
  if (!known) return { status: 200, body: { received: true, ignored: "unknown order" } };

  const id = fulfilmentEventId(event);
  const inserted = await db.fulfilmentEvent.createMany({ data: [{ id, provider: String(event.data.order?.id ?? "").startsWith("lf_") ? "local" : "printful", type: event.type, orderId, payload: event as object }], skipDuplicates: true });
  if (inserted.count === 0) return { status: 200, body: { received: true, duplicate: true } };
  try {
    await enqueue("fulfilment-event", { eventId: id }, { jobId: id });
  } catch (err) {
    await db.fulfilmentEvent.delete({ where: { id } }).catch(() => undefined);
    log.error({ err: err instanceof Error ? err.message : String(err), eventId: id }, "could not queue fulfilment event");
    return refused(503, "UPSTREAM", "Queue unavailable; retry later");
  }
  return { status: 200, body: { received: true } };
}
