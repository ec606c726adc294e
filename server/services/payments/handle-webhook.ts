import { Prisma } from "@prisma/client";
import { db } from "../../db";
import { log } from "../../log";
import { payments } from "../../providers/payments";
import { enqueue } from "../../queues/enqueue";
import { isHandled, objectKey } from "./event-shape";

export type WebhookResult = { status: number; body: Record<string, unknown> };

const isUniqueViolation = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";

/**
 * Verifies a Stripe webhook on its raw body, records the event once (by id, and by object+type) and
 * queues the work. Answers fast; the `payment` queue applies the event.
 */
export async function handleStripeWebhook(rawBody: string, signature: string | null): Promise<WebhookResult> {
  let event;
  try {
    event = payments().verifyWebhook(rawBody, signature);
  } catch (err) {
    log.warn({ err: err instanceof Error ? err.message : String(err) }, "stripe webhook refused: bad signature");
    return { status: 400, body: { error: { code: "BAD_REQUEST", message: "Invalid Stripe signature" } } };
  }
  if (!isHandled(event.type)) return { status: 200, body: { received: true, ignored: event.type } };

  try {
    await db.stripeEvent.create({
      data: { id: event.id, type: event.type, objectId: objectKey(event), livemode: event.livemode, payload: JSON.parse(rawBody) as Prisma.InputJsonValue },
    });
  } catch (err) {
    if (isUniqueViolation(err)) return { status: 200, body: { received: true, duplicate: true } };
    throw err;
  }
  try {
    await enqueue("payment", { eventId: event.id }, { jobId: event.id });
  } catch (err) {
    // Without the job the event would be lost: forget it so Stripe's retry records it again.
    await db.stripeEvent.delete({ where: { id: event.id } }).catch(() => undefined);
    log.error({ err: err instanceof Error ? err.message : String(err), eventId: event.id }, "could not queue stripe event");
    return { status: 503, body: { error: { code: "UPSTREAM", message: "Queue unavailable; retry later" } } };
  }
  return { status: 200, body: { received: true } };
}
