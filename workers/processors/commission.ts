import { fulfilCommission } from "../../server/services/commissions/fulfil-commission";
import { requestRefund } from "../../server/services/commissions/request-refund";
import { recordEvent } from "../../server/services/commissions/events";
import { log } from "../../server/log";
import type { Processor } from "../tracked";

/** Fulfils one paid commission. On the final failed attempt the shopper is refunded automatically. */
export const commission: Processor<"commission"> = async ({ commissionId }, job) => {
  try {
    return await fulfilCommission(commissionId);
  } catch (err) {
    const attempts = job.opts.attempts ?? 1;
    if (job.attemptsMade + 1 >= attempts) {
      const message = err instanceof Error ? err.message : String(err);
      await recordEvent(commissionId, { type: "failed", message: "We couldn't make your design", dedupeKey: "failed", data: { error: message.slice(0, 500) } });
      await requestRefund(commissionId, "fulfilment_failed").catch((e: unknown) =>
        log.error({ commissionId, err: e instanceof Error ? e.message : String(e) }, "automatic refund could not be requested"),
      );
    }
    throw err;
  }
};
