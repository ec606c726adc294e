import { UnrecoverableError } from "bullmq";
import { isAppError } from "../../server/errors";
import { runPublication } from "../../server/services/publishing/run-publication";
import type { Processor } from "../tracked";

/** Publishes one Publication row. Permanent failures (a marketplace refused the request) stop retries. */
export const publish: Processor<"publish"> = async ({ publicationId }) => {
  try {
    const p = await runPublication(publicationId);
    return { status: p.status, externalId: p.externalId, url: p.url };
  } catch (err) {
    if (isAppError(err) && err.details?.retryable === false) throw new UnrecoverableError(err.message);
    throw err;
  }
};
