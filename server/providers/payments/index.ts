import { selectProvider } from "../select";
import { localProvider } from "./local";
import { stripeProvider } from "./stripe";

export type { PaymentsProvider, CreateCheckoutInput, RefundInput, RefundResult } from "./types";

/** The payments provider chosen by env: Stripe when keys are set, else the local test checkout. */
export const payments = selectProvider(
  (e) => `${e.providers.payments}|${e.STRIPE_SECRET_KEY ?? ""}|${e.STRIPE_API_BASE ?? ""}|${e.STRIPE_WEBHOOK_SECRET ?? ""}`,
  (e) =>
    e.providers.payments === "stripe"
      ? stripeProvider({ secretKey: e.STRIPE_SECRET_KEY!, webhookSecret: e.STRIPE_WEBHOOK_SECRET ?? "", apiBase: e.STRIPE_API_BASE })
      : localProvider(),
);

export const resetPaymentsProvider = payments.reset;
