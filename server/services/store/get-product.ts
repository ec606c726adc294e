import type { Marketplace } from "@prisma/client";
import { db } from "../../db";
import { donationTotals } from "./list-products";

/** href null: shown as a note (Printful products sell through the connected store, not a public page). */
export type WhereToBuy = { marketplace: Marketplace; label: string; href: string | null };

const PRODUCT_ORDER = ["tee", "mug", "poster", "sticker"];
const rank = (t: string) => (PRODUCT_ORDER.indexOf(t) + 1 || 99);

/** One storefront product with its mockups, listing copy and where it can be bought; null if unknown. */
export async function getProduct(slug: string) {
  const product = await db.product.findUnique({
    where: { slug },
    include: {
      listing: {
        select: {
          description: true,
          bullets: true,
          tags: true,
          publications: { where: { status: "PUBLISHED" }, select: { marketplace: true, url: true }, orderBy: { marketplace: "asc" } },
          design: { select: { mockups: { select: { productType: true, storageKey: true, width: true, height: true } } } },
        },
      },
    },
  });
  if (!product) return null;
  const totals = await donationTotals([product.id]);
  const whereToBuy: WhereToBuy[] = [];
  for (const p of product.listing.publications) {
    if (p.marketplace === "LOCAL") whereToBuy.push({ marketplace: "LOCAL", label: "Commission your own version", href: `/commission?product=${encodeURIComponent(product.slug)}` });
    else if (p.marketplace === "ZAZZLE" && p.url) whereToBuy.push({ marketplace: "ZAZZLE", label: "Buy on Zazzle", href: p.url });
    else if (p.marketplace === "PRINTFUL") whereToBuy.push({ marketplace: "PRINTFUL", label: "Printed and shipped on demand by Printful", href: null });
  }
  return {
    id: product.id,
    slug: product.slug,
    listingId: product.listingId,
    title: product.title,
    community: product.community,
    priceCents: product.priceCents,
    currency: product.currency,
    coverKey: product.coverKey,
    publishedAt: product.publishedAt,
    description: product.listing.description,
    bullets: product.listing.bullets,
    tags: product.listing.tags,
    mockups: [...product.listing.design.mockups].sort((a, b) => rank(a.productType) - rank(b.productType)),
    whereToBuy,
    donatedCents: totals.get(`${product.id}:${product.currency}`) ?? 0,
  };
}

export type ProductDetail = NonNullable<Awaited<ReturnType<typeof getProduct>>>;
