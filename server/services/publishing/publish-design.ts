import type { Marketplace, Publication } from "@prisma/client";
import { db } from "../../db";
import { AppError } from "../../errors";
import { configuredMarketplaces } from "../../providers/publishers";
import { checkListingCopy } from "../moderation/check-listing-copy";
import { getSetting } from "../settings";
import { queuePublications } from "./queue-publications";

export type PublishDesignResult = {
  listingId: string;
  /** Publications made (or found) for marketplaces that need no review. */
  publications: Publication[];
  /** Configured marketplaces that wait for an admin's approval on the review screen. */
  waitingForReview: Marketplace[];
  /** Why the copy was held back by moderation (nothing is published then), or null. */
  held: string | null;
};

/**
 * The one step from "design finished" to publications, shared by the design worker and commission
 * fulfilment. The listing copy passes moderation first; then each configured marketplace either
 * publishes at once (its auto-publish setting is on) or waits for review (the listing becomes
 * PENDING on /admin/review). A commission's own storefront product always publishes: the buyer paid
 * for it and commissions have their own review step (the commissionReview setting); its external
 * marketplaces go through the same gate as any design. With `forCommission` the storefront
 * publication is created but not enqueued, because fulfilment runs it inline.
 * Safe to call again: a decision already taken on the review screen is kept.
 */
export async function publishDesign({ designId, forCommission = false }: { designId: string; forCommission?: boolean }): Promise<PublishDesignResult> {
  const listing = await db.listing.findUnique({
    where: { designId },
    select: { id: true, title: true, description: true, bullets: true, tags: true, reviewStatus: true },
  });
  if (!listing) throw new AppError("INTERNAL", `Design ${designId} finished without a listing`);
  const configured = configuredMarketplaces();
  const hold: Marketplace[] = forCommission ? ["LOCAL"] : [];
  const result = (publications: Publication[], waitingForReview: Marketplace[], held: string | null = null) => ({ listingId: listing.id, publications, waitingForReview, held });

  if (listing.reviewStatus === "APPROVED") return result(await queuePublications({ listingId: listing.id, hold }), []);

  const verdict = await checkListingCopy(listing);
  if (!verdict.ok) {
    // A commission's copy that fails is refused outright (fulfilment refunds it); any other design
    // waits on the review screen, where an admin can rewrite the copy and approve it.
    const note = `Held by moderation (${verdict.reason})`;
    await db.$transaction([
      db.listing.updateMany({ where: { id: listing.id, reviewStatus: null }, data: { reviewStatus: forCommission ? "REJECTED" : "PENDING", reviewNote: note } }),
      db.auditLog.create({ data: { action: "listing.held", entityType: "listing", entityId: listing.id, data: { reason: verdict.reason, forCommission } } }),
    ]);
    return result([], [], verdict.reason);
  }

  // Rejected on the review screen: no marketplace gets it, except a commission's own storefront product.
  if (listing.reviewStatus === "REJECTED") return result(forCommission ? await queuePublications({ listingId: listing.id, marketplaces: ["LOCAL"], hold }) : [], []);

  const auto = await getSetting("autoPublish");
  const direct = configured.filter((m) => auto[m] === true || (forCommission && m === "LOCAL"));
  const waiting = configured.filter((m) => !direct.includes(m));
  if (waiting.length) await db.listing.updateMany({ where: { id: listing.id, reviewStatus: null }, data: { reviewStatus: "PENDING" } });
  const publications = direct.length ? await queuePublications({ listingId: listing.id, marketplaces: direct, hold }) : [];
  return result(publications, waiting);
}
