import type { Marketplace, WorkStatus } from "@prisma/client";
import { db } from "../../db";
import { AppError } from "../../errors";
import { storage } from "../../providers/storage";
import { trackingCodeFor, type ListingPackage } from "../../providers/publishers/types";

export type DesignReadiness = { status: WorkStatus; previewAt: Date | null };

/**
 * Whether a listing's design may go to this marketplace. Every marketplace and print provider needs
 * the DONE design, whose print files are all written and verified; only the storefront (LOCAL) may
 * show a design from its preview (mockups and listing copy), because a shop order waits for the
 * print files before it goes to the print shop (shop/submit-order.ts).
 */
export function readyFor(design: DesignReadiness, marketplace?: Marketplace) {
  return design.status === "DONE" || (marketplace === "LOCAL" && design.previewAt !== null);
}

export const notReadyMessage = (listingId: string, design: DesignReadiness) =>
  `The design of listing ${listingId} is not finished (${design.status.toLowerCase()}): its print files are not all made yet`;

/**
 * The listing copy, print files and mockups of one listing, with public URLs for `marketplace` (none:
 * any marketplace). Refused (PRECONDITION_FAILED) while the design is not ready for it (readyFor);
 * print files are listed only once all of them are, so a preview's package has none.
 */
export async function buildListingPackage(listingId: string, marketplace?: Marketplace): Promise<ListingPackage> {
  const listing = await db.listing.findUnique({
    where: { id: listingId },
    include: {
      design: {
        select: {
          status: true,
          previewAt: true,
          files: { where: { kind: "PRINT" }, select: { productType: true, storageKey: true }, orderBy: { productType: "asc" } },
          mockups: { select: { productType: true, storageKey: true }, orderBy: { productType: "asc" } },
          idea: { select: { productTypes: true, signal: { select: { community: true } } } },
        },
      },
    },
  });
  if (!listing) throw new AppError("NOT_FOUND", `Listing ${listingId} does not exist`, { retryable: false });
  if (!readyFor(listing.design, marketplace)) throw new AppError("PRECONDITION_FAILED", notReadyMessage(listingId, listing.design));
  const s = storage();
  const printFiles = (listing.design.status === "DONE" ? listing.design.files : [])
    .filter((f) => f.productType)
    .map((f) => ({ productType: f.productType!, key: f.storageKey, url: s.publicUrl(f.storageKey) }));
  const mockups = listing.design.mockups.map((m) => ({ productType: m.productType, key: m.storageKey, url: s.publicUrl(m.storageKey) }));
  const productTypes = [...new Set([...printFiles.map((f) => f.productType), ...mockups.map((m) => m.productType)])];
  const catalogue = await db.catalogVariant.findMany({
    where: { active: true, printfulVariantId: { not: null }, productType: { in: printFiles.map((f) => f.productType) } },
    select: { productType: true, printfulVariantId: true, retailCents: true },
    orderBy: [{ productType: "asc" }, { sortOrder: "asc" }],
  });
  return {
    listingId: listing.id,
    title: listing.title,
    description: listing.description,
    bullets: listing.bullets,
    tags: listing.tags,
    priceCents: listing.priceCents,
    currency: listing.currency,
    community: listing.design.idea.signal.community,
    productTypes: productTypes.length ? productTypes : listing.design.idea.productTypes,
    printFiles,
    mockups,
    trackingCode: trackingCodeFor(listing.id),
    variants: catalogue.map((v) => ({ productType: v.productType, printfulVariantId: v.printfulVariantId!, retailCents: v.retailCents })),
  };
}
