import { z } from "zod";

const ZListingIds = z.array(z.string().min(1)).min(1, "Select at least one listing").max(100, "Select at most 100 listings at a time");

export const ZListReview = z.object({
  status: z.enum(["PENDING", "APPROVED", "REJECTED"]).default("PENDING"),
  cursor: z.string().min(1).optional(),
  take: z.number().int().min(1).max(50).default(12),
});

/** The copy an admin may edit on the review screen before approving. */
export const ZListingCopy = z.object({
  title: z.string().trim().min(3, "The title needs at least 3 characters").max(80, "Marketplaces allow at most 80 characters in a title"),
  description: z.string().trim().min(10, "The description needs at least 10 characters").max(5000),
  bullets: z.array(z.string().trim().min(1).max(200)).max(10),
  tags: z.array(z.string().trim().min(1).max(40)).max(20, "At most 20 tags"),
});

export const ZApproveListing = z.object({ listingId: z.string().min(1), copy: ZListingCopy.partial().optional() });
export const ZBulkApproveListings = z.object({ listingIds: ZListingIds });
export const ZRejectListings = z.object({ listingIds: ZListingIds, note: z.string().trim().max(500, "Keep the note under 500 characters").optional() });
export const ZSetAutoPublish = z.object({ marketplace: z.enum(["LOCAL", "ZAZZLE", "PRINTFUL"]), enabled: z.boolean() });
