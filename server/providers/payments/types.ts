import type Stripe from "stripe";

// The payments provider: Stripe Checkout live, or a local test checkout that sends Stripe-shaped
// signed events through the same webhook route. Amounts are integer cents.

export type CheckoutTarget = { commissionId: string; donationId?: never } | { donationId: string; commissionId?: never };

export type CreateCheckoutInput = CheckoutTarget & {
  amountCents: number;
  currency: string;
  description: string;
  successUrl: string;
  cancelUrl: string;
  metadata: Record<string, string>;
  idempotencyKey: string;
};

export type RefundInput = {
  paymentIntentId: string;
  amountCents: number;
  currency: string;
  idempotencyKey: string;
  reason: string;
  metadata?: Record<string, string>;
};

export type RefundResult = { refundId: string; status: "pending" | "succeeded" | "failed" | "canceled" | "requires_action" };

export interface PaymentsProvider {
  readonly name: "stripe" | "local";
  createCheckoutSession(input: CreateCheckoutInput): Promise<{ sessionId: string; url: string }>;
  refund(input: RefundInput): Promise<RefundResult>;
  /** Verifies the signature over the raw body; throws on a bad or missing signature. */
  verifyWebhook(rawBody: string, signatureHeader: string | null): Stripe.Event;
}
