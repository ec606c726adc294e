import { runDesign } from "../../server/services/design/run-design";
import { publishDesign } from "../../server/services/publishing/publish-design";
import type { Processor } from "../tracked";

/**
 * Render the design (idempotent: DONE returns at once), then hand it to publishDesign: marketplaces
 * with auto-publish get their publications, the others wait for review on /admin/review.
 */
export const design: Processor<"design"> = async ({ designId }, job) => {
  const done = await runDesign(designId, {
    onProgress: (stage, percent) => job.updateProgress({ stage, percent }),
  });
  const published = await publishDesign({ designId: done.id });
  return { designId, listingId: published.listingId, publications: published.publications.length, waitingForReview: published.waitingForReview, held: published.held };
};
