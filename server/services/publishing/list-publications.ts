import type { Marketplace, PublicationStatus } from "@prisma/client";
import { db } from "../../db";

export type PublicationFilter = { status?: PublicationStatus; marketplace?: Marketplace; cursor?: string; take?: number };

/**
 * Publications for the dashboard, newest first, cursor-paginated. The page rows and their listing
 * titles load in a fixed number of statements (the relation is fetched once for the whole page).
 */
export async function listPublications(opts: PublicationFilter = {}) {
  const take = Math.min(Math.max(opts.take ?? 25, 1), 100);
  const rows = await db.publication.findMany({
    where: { status: opts.status, marketplace: opts.marketplace },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    ...(opts.cursor ? { cursor: { id: opts.cursor }, skip: 1 } : {}),
    select: {
      id: true,
      marketplace: true,
      status: true,
      externalId: true,
      url: true,
      lastError: true,
      attempts: true,
      publishedAt: true,
      createdAt: true,
      updatedAt: true,
      listing: { select: { id: true, title: true, product: { select: { slug: true } } } },
    },
  });
  return { items: rows.slice(0, take), nextCursor: rows.length > take ? rows[take - 1].id : null };
}
