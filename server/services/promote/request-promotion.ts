import { log } from "../../log";
import { enqueue } from "../../queues/enqueue";

/**
 * The one hook the publishing path calls when a storefront publication becomes PUBLISHED: queue the
 * drafting (idempotent by listing). Never fails the publication — a lost enqueue is logged.
 */
export async function requestPromotion(listingId: string) {
  try {
    await enqueue("promote", { listingId }, { jobId: `promote-${listingId}` });
  } catch (err) {
    log.warn({ listingId, err: (err as Error).message }, "could not queue promotion drafting");
  }
}
