import type { Marketplace, Publication } from "@prisma/client";
import { db } from "../../db";
import { AppError } from "../../errors";
import { configuredMarketplaces } from "../../providers/publishers";
import { queue } from "../../queues/connection";
import { enqueue as enqueueJob } from "../../queues/enqueue";
import { readyFor } from "./build-package";

/**
 * One Publication per marketplace (default: every configured one) for a listing (unique
 * listingId+marketplace, so calling this again creates nothing new), and a `publish` job for each
 * one not yet published — except the marketplaces in `hold`, whose caller runs them itself, and those
 * whose design is not ready for them (see enqueueReadyPublications).
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
  if (enqueue) await enqueueReadyPublications(listingId, { hold, marketplaces: targets });
  return rows;
}

/**
 * A `publish` job for each QUEUED publication of the listing whose design is ready for its
 * marketplace (readyFor): the storefront from the preview, every other marketplace only once the
 * print files are all made. The others stay QUEUED; the design's print-files job calls this again
 * when they are ready. Returns how many were queued.
 */
export async function enqueueReadyPublications(listingId: string, opts: { hold?: Marketplace[]; marketplaces?: Marketplace[] } = {}) {
  const listing = await db.listing.findUniqueOrThrow({
    where: { id: listingId },
    select: {
      design: { select: { status: true, previewAt: true } },
      publications: { where: { status: "QUEUED", ...(opts.marketplaces ? { marketplace: { in: opts.marketplaces } } : {}) }, select: { id: true, marketplace: true } },
    },
  });
  const ready = listing.publications.filter((p) => !opts.hold?.includes(p.marketplace) && readyFor(listing.design, p.marketplace));
  for (const p of ready) await enqueuePublish(p.id);
  return ready.length;
}

/**
 * The `publish` job of one publication (jobId = publication id). A finished job kept under that id
 * (failed, or completed while the row waited for print files) is removed first, or the add would be
 * a no-op; a job still waiting or running is left to do the work.
 */
export async function enqueuePublish(publicationId: string) {
  const old = await queue("publish").getJob(publicationId);
  if (old && ((await old.isFailed()) || (await old.isCompleted()))) await old.remove();
  await enqueueJob("publish", { publicationId }, { jobId: publicationId });
}
