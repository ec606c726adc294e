import type Stripe from "stripe";

// The payments provider: Stripe Checkout live, or a local test checkout that sends Stripe-shaped
// signed events through the same webhook route. Amounts are integer cents.

export type CheckoutTarget =
  | { commissionId: string; donationId?: never; orderId?: never }
  | { donationId: string; commissionId?: never; orderId?: never }
  | { orderId: string; commissionId?: never; donationId?: never };

/** One cart line, charged at `unitCents` (price_data: the price is ours, not a Stripe Price object). */
export type CheckoutLineItem = { name: string; description?: string; unitCents: number; quantity: number; imageUrl?: string };

export type CheckoutShippingOption = { id: string; label: string; amountCents: number; minDays: number; maxDays: number };

export type CreateCheckoutInput = CheckoutTarget & {
  amountCents: number;
  currency: string;
  description: string;
  successUrl: string;
  cancelUrl: string;
  metadata: Record<string, string>;
  idempotencyKey: string;
  /** Several lines (a cart); without them one line of `amountCents` named `description`. */
  lineItems?: CheckoutLineItem[];
  /** Collect a shipping address in these countries and offer these rates. */
  shipping?: { allowedCountries: readonly string[]; options: CheckoutShippingOption[] };
  /** Stripe Tax computes and adds tax (STRIPE_AUTOMATIC_TAX). */
  automaticTax?: boolean;
  customerEmail?: string;
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
