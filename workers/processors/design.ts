import { runDesign } from "../../server/services/design/run-design";
import { queuePublications } from "../../server/services/publishing/queue-publications";
import { db } from "../../server/db";
import type { Processor } from "../tracked";

/** Render the design (idempotent: DONE returns at once), then queue its publications. */
export const design: Processor<"design"> = async ({ designId }, job) => {
  const done = await runDesign(designId, {
    onProgress: (stage, percent) => job.updateProgress({ stage, percent }),
  });
  const listing = await db.listing.findUniqueOrThrow({ where: { designId: done.id }, select: { id: true } });
  const publications = await queuePublications({ listingId: listing.id });
  return { designId, listingId: listing.id, publications: publications.length };
};
