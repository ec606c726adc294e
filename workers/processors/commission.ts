import { endUnfulfilled } from "../../server/services/commissions/end-unfulfilled";
import { fulfilCommission } from "../../server/services/commissions/fulfil-commission";
import { log } from "../../server/log";
import type { Processor } from "../tracked";

/**
 * Fulfils one paid commission. After the final failed attempt it ends: completed with its product if
 * that was already made, else the shopper is refunded automatically (never a delivered commission).
 */
export const commission: Processor<"commission"> = async ({ commissionId }, job) => {
  try {
    return await fulfilCommission(commissionId);
  } catch (err) {
    if (job.attemptsMade + 1 < (job.opts.attempts ?? 1)) throw err;
    const message = err instanceof Error ? err.message : String(err);
    const failed = { type: "failed", message: "We couldn't make your design", dedupeKey: "failed", data: { error: message.slice(0, 500) } };
    const ended = await endUnfulfilled(commissionId, "fulfilment_failed", failed).catch((e: unknown) => {
      log.error({ commissionId, err: e instanceof Error ? e.message : String(e) }, "automatic refund could not be requested");
      return null;
    });
    if (ended?.status === "COMPLETED") return ended;
    throw err;
  }
};
