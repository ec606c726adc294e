import { runRefund } from "../../server/services/payments/run-refund";
import type { Processor } from "../tracked";

/** Sends one Refund row to the payments provider (idempotency key = refund:<paymentId>). */
export const refund: Processor<"refund"> = async ({ refundId }) => {
  const r = await runRefund(refundId);
  return { status: r.status, providerRefundId: r.providerRefundId };
};
