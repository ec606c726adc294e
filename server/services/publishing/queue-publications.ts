import type { Marketplace, Publication } from "@prisma/client";
import { db } from "../../db";
import { AppError } from "../../errors";
import { configuredMarketplaces } from "../../providers/publishers";
import { enqueue as enqueueJob } from "../../queues/enqueue";

/**
 * One Publication per marketplace (default: every configured one) for a listing (unique
 * listingId+marketplace, so calling this again creates nothing new), and a `publish` job for each
 * one not yet published — except the marketplaces in `hold`, whose caller runs them itself.
 * Whether a listing may go to a marketplace at all is decided before, by publishDesign and the
 * review screen (approve-listings.ts); this only makes the rows.
 */
export async function queuePublications({
  listingId,
  enqueue = true,
  marketplaces,
  hold = [],
}: {
  listingId: string;
  enqueue?: boolean;
  marketplaces?: Marketplace[];
  hold?: Marketplace[];
}): Promise<Publication[]> {
  const listing = await db.listing.findUnique({ where: { id: listingId }, select: { id: true } });
  if (!listing) throw new AppError("NOT_FOUND", `Listing ${listingId} does not exist`);
  const configured = configuredMarketplaces();
  const targets = marketplaces ? marketplaces.filter((m) => configured.includes(m)) : configured;
  if (targets.length) await db.publication.createMany({ data: targets.map((marketplace) => ({ listingId, marketplace })), skipDuplicates: true });
  const rows = await db.publication.findMany({ where: { listingId, marketplace: { in: targets } }, orderBy: { marketplace: "asc" } });
  if (enqueue) {
    for (const p of rows) {
      if (p.status === "QUEUED" && !hold.includes(p.marketplace)) await enqueueJob("publish", { publicationId: p.id }, { jobId: p.id });
    }
  }
  return rows;
}
