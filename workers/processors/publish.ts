import { UnrecoverableError } from "bullmq";
import { isAppError } from "../../server/errors";
import { runPublication } from "../../server/services/publishing/run-publication";
import type { Processor } from "../tracked";

/**
 * Publishes one Publication row. Permanent failures (a marketplace refused the request) stop retries.
 * One whose design has no print files yet is left QUEUED and the job ends: the row is the status, and
 * the design's print-files job queues it again when they are ready (design/release-held-work.ts).
 */
export const publish: Processor<"publish"> = async ({ publicationId }) => {
  try {
    const p = await runPublication(publicationId);
    return { status: p.status, externalId: p.externalId, url: p.url };
  } catch (err) {
    if (isAppError(err) && err.details?.deferred === true) return { status: "QUEUED", deferred: err.message };
    if (isAppError(err) && err.details?.retryable === false) throw new UnrecoverableError(err.message);
    throw err;
  }
};
