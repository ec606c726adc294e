import { db } from "../../db";
import { AppError } from "../../errors";
import { storage } from "../../providers/storage";
import { trackingCodeFor, type ListingPackage } from "../../providers/publishers/types";

/**
 * The listing copy, print files and mockups of one listing, with public URLs for marketplaces. Only
 * for a DONE design: runDesign stores mockups and copy before the print files, and a marketplace or
 * print provider must never get a design whose print files are not all written and verified.
 */
export async function buildListingPackage(listingId: string): Promise<ListingPackage> {
  const listing = await db.listing.findUnique({
    where: { id: listingId },
    include: {
      design: {
        select: {
          status: true,
          files: { where: { kind: "PRINT" }, select: { productType: true, storageKey: true }, orderBy: { productType: "asc" } },
          mockups: { select: { productType: true, storageKey: true }, orderBy: { productType: "asc" } },
          idea: { select: { productTypes: true, signal: { select: { community: true } } } },
        },
      },
    },
  });
  if (!listing) throw new AppError("NOT_FOUND", `Listing ${listingId} does not exist`, { retryable: false });
  if (listing.design.status !== "DONE") throw new AppError("PRECONDITION_FAILED", `The design of listing ${listingId} is not finished (${listing.design.status.toLowerCase()}): its print files are not all made yet`);
  const s = storage();
  const printFiles = listing.design.files
    .filter((f) => f.productType)
    .map((f) => ({ productType: f.productType!, key: f.storageKey, url: s.publicUrl(f.storageKey) }));
  const mockups = listing.design.mockups.map((m) => ({ productType: m.productType, key: m.storageKey, url: s.publicUrl(m.storageKey) }));
  const catalogue = await db.catalogVariant.findMany({
    where: { active: true, printfulVariantId: { not: null }, productType: { in: printFiles.map((f) => f.productType) } },
    select: { productType: true, printfulVariantId: true, retailCents: true },
    orderBy: [{ productType: "asc" }, { sortOrder: "asc" }],
  });
  const productTypes = [...new Set([...printFiles.map((f) => f.productType), ...mockups.map((m) => m.productType)])];
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
