import { env } from "../../env";
import { localProvider } from "./local";
import { stripeProvider } from "./stripe";
import type { PaymentsProvider } from "./types";

export type { PaymentsProvider, CreateCheckoutInput, RefundInput, RefundResult } from "./types";

let instance: { key: string; provider: PaymentsProvider } | undefined;

/** The payments provider chosen by env: Stripe when keys are set, else the local test checkout. */
export function payments(): PaymentsProvider {
  const e = env();
  const key = `${e.providers.payments}|${e.STRIPE_SECRET_KEY ?? ""}|${e.STRIPE_API_BASE ?? ""}|${e.STRIPE_WEBHOOK_SECRET ?? ""}`;
  if (instance?.key !== key) {
    const provider =
      e.providers.payments === "stripe"
        ? stripeProvider({ secretKey: e.STRIPE_SECRET_KEY!, webhookSecret: e.STRIPE_WEBHOOK_SECRET ?? "", apiBase: e.STRIPE_API_BASE })
        : localProvider();
    instance = { key, provider };
  }
  return instance.provider;
}

export function resetPaymentsProvider() {
  instance = undefined;
}
