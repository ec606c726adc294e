import { db } from "../../db";

export type GalleryCard = {
  id: string;
  slug: string;
  title: string;
  priceCents: number;
  currency: string;
  coverKey: string;
  community: string | null;
  publishedAt: Date;
  /** PAID donations made through this product, in the product's currency. */
  donatedCents: number;
};

export type GalleryPage = { items: GalleryCard[]; page: number; pageSize: number; total: number; pageCount: number };

export const GALLERY_PAGE_SIZE = 24;

/**
 * One page of the storefront gallery, newest first. A constant number of statements whatever the
 * page size: the page rows, the total count, and one grouped query for the page's donation totals.
 */
export async function listProducts(opts: { page?: number; pageSize?: number; community?: string } = {}): Promise<GalleryPage> {
  const pageSize = Math.min(Math.max(Math.trunc(opts.pageSize ?? GALLERY_PAGE_SIZE), 1), 100);
  const page = Math.max(Math.trunc(opts.page ?? 1), 1);
  const where = opts.community ? { community: opts.community } : {};
  const [rows, total] = await Promise.all([
    db.product.findMany({
      where,
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, slug: true, title: true, priceCents: true, currency: true, coverKey: true, community: true, publishedAt: true },
    }),
    db.product.count({ where }),
  ]);
  const totals = await donationTotals(rows.map((r) => r.id));
  return {
    items: rows.map((r) => ({ ...r, donatedCents: totals.get(`${r.id}:${r.currency}`) ?? 0 })),
    page,
    pageSize,
    total,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
}

/** Whether a gallery page exists: page 1 always (it says when the shop is empty), others up to the last. */
export const galleryPageInRange = (g: Pick<GalleryPage, "page" | "pageCount">) => g.page >= 1 && g.page <= g.pageCount;

/**
 * PAID donation sums per product and currency, in one grouped query. Key: `${productId}:${currency}`.
 * Raw SQL: the same statement through Prisma's groupBy cost ~6× more client CPU per page (bench/gallery.ts).
 */
export async function donationTotals(productIds: string[]): Promise<Map<string, number>> {
  if (!productIds.length) return new Map();
  const groups = await db.$queryRaw<Array<{ productId: string; currency: string; cents: bigint }>>`
    select "productId", currency, sum("amountCents")::bigint as cents
    from donations
    where "productId" = any(${productIds}) and status = 'PAID'
    group by "productId", currency`;
  return new Map(groups.map((g) => [`${g.productId}:${g.currency}`, Number(g.cents)]));
}
