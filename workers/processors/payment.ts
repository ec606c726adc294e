import { applyStripeEvent } from "../../server/services/payments/apply-event";
import type { Processor } from "../tracked";

/** Applies one recorded Stripe event. A deferred event (its payment not recorded yet) is retried. */
export const payment: Processor<"payment"> = async ({ eventId }) => {
  const result = await applyStripeEvent(eventId);
  if (result.deferred) throw new Error(`event ${eventId} deferred: ${result.outcome}`);
  return result;
};
