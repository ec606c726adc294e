import { db } from "../../db";
import { AppError, isAppError } from "../../errors";
import { checkListingCopy, type ListingCopy } from "../moderation/check-listing-copy";
import { queuePublications } from "./queue-publications";

/**
 * Approves one listing waiting for review, with the admin's edits to its copy: the final copy
 * passes moderation again, the decision is audited, then every configured marketplace gets its
 * publication (those already published, e.g. an auto-published storefront, are left as they are).
 */
export async function approveListing({ listingId, by, copy }: { listingId: string; by?: string; copy?: Partial<ListingCopy> }) {
  const listing = await db.listing.findUnique({ where: { id: listingId }, select: { id: true, title: true, description: true, bullets: true, tags: true, reviewStatus: true } });
  if (!listing) throw new AppError("NOT_FOUND", `Listing ${listingId} does not exist`);
  if (listing.reviewStatus !== "PENDING") throw new AppError("CONFLICT", `Only listings waiting for review can be approved (this one is ${(listing.reviewStatus ?? "not in review").toLowerCase()})`);
  const final: ListingCopy = { title: listing.title, description: listing.description, bullets: listing.bullets, tags: listing.tags, ...copy };
  const verdict = await checkListingCopy(final);
  if (!verdict.ok) throw new AppError("UNPROCESSABLE", `The listing copy did not pass moderation (${verdict.reason}). Edit it and approve again.`);
  const edited = (Object.keys(copy ?? {}) as Array<keyof ListingCopy>).filter((k) => JSON.stringify(final[k]) !== JSON.stringify(listing[k]));
  const moved = await db.$transaction(async (tx) => {
    const res = await tx.listing.updateMany({
      where: { id: listingId, reviewStatus: "PENDING" },
      data: { ...final, reviewStatus: "APPROVED", reviewedById: by ?? null, reviewedAt: new Date(), reviewNote: null },
    });
    if (res.count === 0) return false;
    if (edited.includes("title")) await tx.product.updateMany({ where: { listingId }, data: { title: final.title } });
    await tx.auditLog.create({ data: { actorId: by, action: "listing.approve", entityType: "listing", entityId: listingId, data: { edited } } });
    return true;
  });
  if (!moved) throw new AppError("CONFLICT", "This listing was reviewed meanwhile");
  const publications = await queuePublications({ listingId });
  return { listingId, publications: publications.length };
}

/** Approves many listings as they stand; one that cannot be approved is reported, not fatal. */
export async function bulkApproveListings({ listingIds, by }: { listingIds: string[]; by?: string }) {
  const approved: string[] = [];
  const refused: Array<{ listingId: string; reason: string }> = [];
  for (const listingId of new Set(listingIds)) {
    try {
      await approveListing({ listingId, by });
      approved.push(listingId);
    } catch (err) {
      if (!isAppError(err)) throw err;
      refused.push({ listingId, reason: err.message });
    }
  }
  return { approved, refused };
}

/** Rejects listings waiting for review: they never reach the marketplaces still waiting. Audited. */
export async function rejectListings({ listingIds, by, note }: { listingIds: string[]; by?: string; note?: string }) {
  const ids = [...new Set(listingIds)];
  return db.$transaction(async (tx) => {
    const pending = await tx.listing.findMany({ where: { id: { in: ids }, reviewStatus: "PENDING" }, select: { id: true } });
    const rejected = pending.map((l) => l.id);
    await tx.listing.updateMany({ where: { id: { in: rejected }, reviewStatus: "PENDING" }, data: { reviewStatus: "REJECTED", reviewedById: by ?? null, reviewedAt: new Date(), reviewNote: note ?? null } });
    await tx.auditLog.createMany({ data: rejected.map((entityId) => ({ actorId: by, action: "listing.reject", entityType: "listing", entityId, data: note ? { note } : undefined })) });
    return { rejected, skipped: ids.filter((id) => !rejected.includes(id)) };
  });
}
