import type { Publication } from "@prisma/client";
import { db } from "../../db";
import { AppError } from "../../errors";
import { configuredMarketplaces } from "../../providers/publishers";
import { enqueue as enqueueJob } from "../../queues/enqueue";

/**
 * One Publication per configured publisher for a listing (unique listingId+marketplace, so calling
 * this again creates nothing new), and a `publish` job for each one not yet published.
 */
export async function queuePublications({ listingId, enqueue = true }: { listingId: string; enqueue?: boolean }): Promise<Publication[]> {
  const listing = await db.listing.findUnique({ where: { id: listingId }, select: { id: true } });
  if (!listing) throw new AppError("NOT_FOUND", `Listing ${listingId} does not exist`);
  const marketplaces = configuredMarketplaces();
  await db.publication.createMany({ data: marketplaces.map((marketplace) => ({ listingId, marketplace })), skipDuplicates: true });
  const rows = await db.publication.findMany({ where: { listingId, marketplace: { in: marketplaces } }, orderBy: { marketplace: "asc" } });
  if (enqueue) {
    for (const p of rows) {
      if (p.status === "QUEUED") await enqueueJob("publish", { publicationId: p.id }, { jobId: p.id });
    }
  }
  return rows;
}
