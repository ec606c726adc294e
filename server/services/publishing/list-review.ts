import type { ReviewStatus } from "@prisma/client";
import { db } from "../../db";
import { fileHref } from "../../providers/storage";

export type ReviewFilter = { status?: ReviewStatus; cursor?: string; take?: number };

/**
 * Listings on the review screen (default: waiting), oldest first, with the art, mockups, copy and
 * existing publications side by side. A fixed number of statements per page, whatever its size.
 */
export async function listReview(opts: ReviewFilter = {}) {
  const take = Math.min(Math.max(opts.take ?? 12, 1), 50);
  const status = opts.status ?? "PENDING";
  const rows = await db.listing.findMany({
    where: { reviewStatus: status },
    orderBy: status === "PENDING" ? [{ createdAt: "asc" }, { id: "asc" }] : [{ reviewedAt: "desc" }, { id: "desc" }],
    take: take + 1,
    ...(opts.cursor ? { cursor: { id: opts.cursor }, skip: 1 } : {}),
    select: {
      id: true,
      title: true,
      description: true,
      bullets: true,
      tags: true,
      priceCents: true,
      currency: true,
      reviewStatus: true,
      reviewNote: true,
      reviewedAt: true,
      createdAt: true,
      design: {
        select: {
          id: true,
          files: { where: { kind: { in: ["THUMBNAIL", "MASTER"] } }, select: { kind: true, storageKey: true } },
          mockups: { select: { productType: true, storageKey: true }, orderBy: { productType: "asc" } },
          idea: { select: { title: true, signal: { select: { community: true } } } },
        },
      },
      publications: { select: { marketplace: true, status: true }, orderBy: { marketplace: "asc" } },
    },
  });
  const items = rows.slice(0, take).map(({ design, ...l }) => {
    const art = design.files.find((f) => f.kind === "THUMBNAIL") ?? design.files.find((f) => f.kind === "MASTER");
    return {
      ...l,
      designId: design.id,
      ideaTitle: design.idea.title,
      community: design.idea.signal.community,
      artUrl: art ? fileHref(art.storageKey) : null,
      mockups: design.mockups.map((m) => ({ productType: m.productType, url: fileHref(m.storageKey) })),
    };
  });
  return { items, nextCursor: rows.length > take ? rows[take - 1].id : null };
}

/** How many listings wait on the review screen (for the overview). */
export function countWaitingForReview() {
  return db.listing.count({ where: { reviewStatus: "PENDING" } });
}
