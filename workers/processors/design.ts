import { runDesign } from "../../server/services/design/run-design";
import { alertPrintFilesFailed, resolvePrintFilesAlerts } from "../../server/services/design/print-files-alert";
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
 * design is DONE, what waited for its print files goes on (publications, shop orders). If the last
 * attempt fails while the design's product is on sale, an alert says what waits for it.
 */
export const design: Processor<"design"> = async ({ designId, phase }, job) => {
  let done;
  try {
    done = await runDesign(designId, {
      onProgress: (stage, percent) => job.updateProgress({ stage, percent }),
      beforePrintFile: shopperWorkFirst(),
    });
  } catch (err) {
    // The last attempt: nothing retries it now but an admin, so say so if something on sale waits.
    if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await alertPrintFilesFailed(designId, err instanceof Error ? err.message : String(err));
    throw err;
  }
  await resolvePrintFilesAlerts(done.id);
  const published = phase === "print-files" ? null : await publishDesign({ designId: done.id });
  const released = await releaseHeldWork(done.id);
  return { designId, phase: phase ?? "all", listingId: published?.listingId, publications: published?.publications.length, waitingForReview: published?.waitingForReview, held: published?.held, released };
};
