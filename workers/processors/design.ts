import { runDesign } from "../../server/services/design/run-design";
import { releaseHeldWork } from "../../server/services/design/release-held-work";
import { publishDesign } from "../../server/services/publishing/publish-design";
import { shopperWorkFirst } from "../shopper-first";
import type { Processor } from "../tracked";

/**
 * A design job. Without a phase: render the whole design (idempotent: DONE returns at once), then
 * hand it to publishDesign: marketplaces with auto-publish get their publications, the others wait
 * for review on /admin/review. With phase "print-files" (queued by commission fulfilment at low
 * priority): only the master and print files of a design whose preview is already published.
 * Either way, before each full-size file the job lets waiting commissions go first, and once the
 * design is DONE, what waited for its print files goes on (publications, shop orders).
 */
export const design: Processor<"design"> = async ({ designId, phase }, job) => {
  const done = await runDesign(designId, {
    onProgress: (stage, percent) => job.updateProgress({ stage, percent }),
    beforePrintFile: shopperWorkFirst(),
  });
  const published = phase === "print-files" ? null : await publishDesign({ designId: done.id });
  const released = await releaseHeldWork(done.id);
  return { designId, phase: phase ?? "all", listingId: published?.listingId, publications: published?.publications.length, waitingForReview: published?.waitingForReview, held: published?.held, released };
};
