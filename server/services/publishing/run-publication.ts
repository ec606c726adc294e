import type { Publication } from "@prisma/client";
import { db } from "../../db";
import { AppError } from "../../errors";
import { log } from "../../log";
import { configuredMarketplaces, publisherFor } from "../../providers/publishers";
import { syncProductVariants } from "../shop/catalogue";
import { requestPromotion } from "../promote/request-promotion";
import { buildListingPackage, notReadyMessage, readyFor } from "./build-package";
import { storefrontChanged } from "../store/storefront-changed";

/** A RUNNING row untouched this long belongs to a worker that died; another run may take it over. */
export const STALE_RUNNING_MS = 10 * 60_000;

/**
 * Publishes one Publication row: claim it (QUEUED/FAILED → RUNNING, attempts + 1), call its
 * marketplace's publisher, then PUBLISHED with externalId/url — or FAILED with lastError and rethrow
 * so the queue retries. Already PUBLISHED returns at once. The idea becomes PUBLISHED when the
 * storefront (LOCAL) publication succeeds, or any publication when LOCAL is not configured.
 * Before its design is ready for the marketplace (readyFor) it throws PRECONDITION_FAILED with
 * `deferred` and leaves the row as it is.
 */
export async function runPublication(publicationId: string): Promise<Publication> {
  const current = await db.publication.findUnique({ where: { id: publicationId } });
  if (!current) throw new AppError("NOT_FOUND", `Publication ${publicationId} does not exist`, { retryable: false });
  if (current.status === "PUBLISHED") return current;
  // Checked before the claim, so a publication waiting for its print files stays QUEUED (untouched)
  // and is queued again when they are ready (design/release-held-work.ts).
  const { design } = await db.listing.findUniqueOrThrow({ where: { id: current.listingId }, select: { design: { select: { status: true, previewAt: true } } } });
  if (!readyFor(design, current.marketplace)) {
    throw new AppError("PRECONDITION_FAILED", `${notReadyMessage(current.listingId, design)}; the ${current.marketplace.toLowerCase()} publication waits for them`, { deferred: true });
  }

  const claimed = await db.publication.updateMany({
    where: {
      id: publicationId,
      OR: [{ status: { in: ["QUEUED", "FAILED"] } }, { status: "RUNNING", updatedAt: { lt: new Date(Date.now() - STALE_RUNNING_MS) } }],
    },
    data: { status: "RUNNING", attempts: { increment: 1 } },
  });
  if (claimed.count === 0) {
    const now = await db.publication.findUniqueOrThrow({ where: { id: publicationId } });
    if (now.status === "PUBLISHED") return now;
    throw new AppError("CONFLICT", `Publication ${publicationId} is already being published by another run`);
  }

  try {
    const pkg = await buildListingPackage(current.listingId, current.marketplace);
    const result = await publisherFor(current.marketplace).publish(pkg);
    const done = await db.publication.update({
      where: { id: publicationId },
      data: { status: "PUBLISHED", externalId: result.externalId, url: result.url, publishedAt: new Date(), lastError: null },
    });
    // The storefront product sells every catalogue variant of the product types its design shows.
    if (current.marketplace === "LOCAL") await syncProductVariants(current.listingId);
    if (current.marketplace === "LOCAL" || !configuredMarketplaces().includes("LOCAL")) {
      await markIdeaPublished(current.listingId);
    }
    await storefrontChanged(current.listingId);
    if (current.marketplace === "LOCAL") await requestPromotion(current.listingId);
    log.info({ publicationId, marketplace: current.marketplace, externalId: result.externalId }, "publication published");
    return done;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await db.publication.update({ where: { id: publicationId }, data: { status: "FAILED", lastError: message.slice(0, 2000) } });
    throw err;
  }
}

async function markIdeaPublished(listingId: string) {
  const listing = await db.listing.findUniqueOrThrow({ where: { id: listingId }, select: { design: { select: { ideaId: true } } } });
  await db.idea.updateMany({ where: { id: listing.design.ideaId, status: { not: "PUBLISHED" } }, data: { status: "PUBLISHED" } });
}
