import { randomBytes } from "node:crypto";
import Stripe from "stripe";
import { env } from "../../env";
import { localId, localWebhookSecret } from "./local-secret";
import type { CreateCheckoutInput, PaymentsProvider, RefundInput, RefundResult } from "./types";

// Offline payments: a local test checkout page (/checkout/<session>) and refunds that settle at
// once. Every outcome is announced as a Stripe-shaped, signed event through /api/webhooks/stripe.

const verifier = new Stripe("sk_local_offline", { maxNetworkRetries: 0 });

export const isLocalSessionId = (id: string) => id.startsWith("cs_local_");

/** A signed event envelope, as Stripe would send it. */
export function signedLocalEvent(type: string, object: Record<string, unknown>) {
  const event = {
    id: `evt_local_${randomBytes(12).toString("base64url")}`,
    object: "event",
    api_version: "2025-01-01",
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  };
  const payload = JSON.stringify(event);
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: localWebhookSecret() });
  return { event, payload, signature };
}

/**
 * Delivers a signed event to the webhook: by HTTP POST when a URL is given (the checkout page
 * passes its own origin), otherwise through the same handler in-process (workers, CLI, tests).
 */
export async function deliverLocalEvent(signed: { payload: string; signature: string }, url?: string) {
  if (url) {
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", "stripe-signature": signed.signature }, body: signed.payload });
    if (!res.ok) throw new Error(`webhook answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
    return;
  }
  const { handleStripeWebhook } = await import("../../services/payments/handle-webhook");
  const r = await handleStripeWebhook(signed.payload, signed.signature);
  if (r.status >= 300) throw new Error(`webhook refused the event: ${JSON.stringify(r.body)}`);
}

export function localProvider(): PaymentsProvider {
  return {
    name: "local",
    async createCheckoutSession(input: CreateCheckoutInput) {
      const sessionId = localId("cs", input.idempotencyKey);
      return { sessionId, url: `${env().appUrl}/checkout/${sessionId}` };
    },
    async refund(input: RefundInput): Promise<RefundResult> {
      const refundId = localId("re", input.idempotencyKey);
      const charge = {
        id: localId("ch", `charge:${input.paymentIntentId}`),
        object: "charge",
        payment_intent: input.paymentIntentId,
        amount: input.amountCents,
        amount_refunded: input.amountCents,
        refunded: true,
        currency: input.currency,
        metadata: input.metadata ?? {},
        refunds: { object: "list", data: [{ id: refundId, object: "refund", amount: input.amountCents, status: "succeeded", payment_intent: input.paymentIntentId, metadata: input.metadata ?? {} }] },
      };
      await deliverLocalEvent(signedLocalEvent("charge.refunded", charge));
      return { refundId, status: "succeeded" };
    },
    verifyWebhook(rawBody: string, signatureHeader: string | null) {
      if (!signatureHeader) throw new Error("Missing Stripe-Signature header");
      return verifier.webhooks.constructEvent(rawBody, signatureHeader, localWebhookSecret());
    },
  };
}
