import Stripe from "stripe";
import type { CreateCheckoutInput, PaymentsProvider, RefundInput, RefundResult } from "./types";

export type StripeConfig = { secretKey: string; webhookSecret: string; apiBase?: string };

/** Stripe's official SDK; STRIPE_API_BASE points it at another host (contract tests). */
export function stripeClient(cfg: Pick<StripeConfig, "secretKey" | "apiBase">) {
  const opts: Stripe.StripeConfig = { maxNetworkRetries: 2, timeout: 20_000, appInfo: { name: "merchloop" } };
  if (cfg.apiBase) {
    const u = new URL(cfg.apiBase);
    opts.host = u.hostname;
    opts.protocol = u.protocol === "http:" ? "http" : "https";
    opts.port = Number(u.port || (u.protocol === "http:" ? 80 : 443));
  }
  return new Stripe(cfg.secretKey, opts);
}

export function stripeProvider(cfg: StripeConfig): PaymentsProvider {
  const stripe = stripeClient(cfg);
  return {
    name: "stripe",
    async createCheckoutSession(input: CreateCheckoutInput) {
      const targetId = input.commissionId ?? input.donationId ?? input.orderId;
      const lines = input.lineItems ?? [{ name: input.description, unitCents: input.amountCents, quantity: 1 }];
      const session = await stripe.checkout.sessions.create(
        {
          mode: "payment",
          client_reference_id: targetId,
          line_items: lines.map((l) => ({
            quantity: l.quantity,
            price_data: {
              currency: input.currency,
              unit_amount: l.unitCents,
              product_data: { name: l.name, ...(l.description ? { description: l.description } : {}), ...(l.imageUrl ? { images: [l.imageUrl] } : {}) },
            },
          })),
          ...(input.shipping
            ? {
                shipping_address_collection: { allowed_countries: [...input.shipping.allowedCountries] as Stripe.Checkout.SessionCreateParams.ShippingAddressCollection.AllowedCountry[] },
                shipping_options: input.shipping.options.map((o) => ({
                  shipping_rate_data: {
                    type: "fixed_amount" as const,
                    display_name: o.label,
                    fixed_amount: { amount: o.amountCents, currency: input.currency },
                    delivery_estimate: { minimum: { unit: "business_day" as const, value: o.minDays }, maximum: { unit: "business_day" as const, value: o.maxDays } },
                    metadata: { rateId: o.id },
                  },
                })),
              }
            : {}),
          ...(input.automaticTax ? { automatic_tax: { enabled: true } } : {}),
          ...(input.customerEmail ? { customer_email: input.customerEmail } : {}),
          metadata: input.metadata,
          payment_intent_data: { metadata: input.metadata },
          success_url: input.successUrl,
          cancel_url: input.cancelUrl,
        },
        { idempotencyKey: input.idempotencyKey },
      );
      if (!session.url) throw new Error("Stripe returned a checkout session without a URL");
      return { sessionId: session.id, url: session.url };
    },
    async refund(input: RefundInput): Promise<RefundResult> {
      const r = await stripe.refunds.create(
        { payment_intent: input.paymentIntentId, amount: input.amountCents, reason: "requested_by_customer", metadata: { ...input.metadata, reason: input.reason } },
        { idempotencyKey: input.idempotencyKey },
      );
      return { refundId: r.id, status: (r.status ?? "pending") as RefundResult["status"] };
    },
    verifyWebhook(rawBody: string, signatureHeader: string | null) {
      if (!signatureHeader) throw new Error("Missing Stripe-Signature header");
      return stripe.webhooks.constructEvent(rawBody, signatureHeader, cfg.webhookSecret);
    },
  };
}
