import { UnrecoverableError } from "bullmq";
import { env } from "../../server/env";
import { isAppError } from "../../server/errors";
import { queue } from "../../server/queues/connection";
import { draftPromotionsForListing } from "../../server/services/promote/draft-promotions";
import { sendPost } from "../../server/services/promote/send-post";
import { fetchResults, sweepDuePosts } from "../../server/services/promote/sweep";
import type { Processor } from "../tracked";

/** Drafts promotions for a freshly published listing (a commission's waits, by retrying, for completion). */
export const promote: Processor<"promote"> = async ({ listingId }) => {
  try {
    const r = await draftPromotionsForListing(listingId);
    return { kind: r.kind, reason: r.reason, outcomes: r.outcomes.map((o) => `${o.accountId}:${o.status}${o.reason ? `:${o.reason}` : ""}`) };
  } catch (err) {
    if (isAppError(err) && err.details?.retryable === false) throw new UnrecoverableError(err.message);
    throw err;
  }
};

export const socialPost: Processor<"socialPost"> = async ({ postId }) => {
  try {
    return { outcome: await sendPost(postId) };
  } catch (err) {
    if (isAppError(err) && err.details?.retryable === false) throw new UnrecoverableError(err.message);
    throw err;
  }
};

export const socialSweep: Processor<"socialSweep"> = async ({ task }) => (task === "due" ? sweepDuePosts() : fetchResults({ olderThanMinutes: env().PROMOTE_RESULTS_MINUTES }));

/** The promoters' repeatable jobs: the due-post sweep and the results fetch. */
export async function syncPromoteSchedulers() {
  const q = queue("socialSweep");
  const e = env();
  await q.upsertJobScheduler("promote-due", { every: e.PROMOTE_SWEEP_SECONDS * 1000 }, { name: "socialSweep", data: { task: "due" } });
  await q.upsertJobScheduler("promote-results", { every: e.PROMOTE_RESULTS_MINUTES * 60_000 }, { name: "socialSweep", data: { task: "results" } });
}
