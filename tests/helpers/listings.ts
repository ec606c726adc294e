import sharp from "sharp";
import { db } from "../../server/db";
import { storage } from "../../server/providers/storage";
import { uid } from "./factories";

const pngCache = new Map<string, Buffer>();

/** A small real PNG (solid colour) so stored files are genuine images. */
export async function solidPng(width = 60, height = 72, color = "#e4572e"): Promise<Buffer> {
  const k = `${width}x${height}:${color}`;
  let b = pngCache.get(k);
  if (!b) {
    b = await sharp({ create: { width, height, channels: 4, background: color } }).png().toBuffer();
    pngCache.set(k, b);
  }
  return b;
}

export type MadeListing = Awaited<ReturnType<typeof makeListing>>;

/**
 * The whole chain a design produces: Source → Signal → Idea (DESIGNED) → Design (DONE) →
 * PRINT DesignFile + Mockup per product type (real PNGs in storage) → Listing.
 */
export async function makeListing(opts: { productTypes?: string[]; community?: string; title?: string; priceCents?: number } = {}) {
  const productTypes = opts.productTypes ?? ["tee", "mug"];
  const tag = uid();
  const community = opts.community ?? "aww";
  const source = await db.source.upsert({ where: { key: "test-publishing" }, create: { key: "test-publishing", kind: "LOCAL", name: "Publishing tests" }, update: {} });
  const signal = await db.signal.create({
    data: { sourceId: source.id, externalId: tag, contentHash: `hash-${tag}`, community, title: `Signal ${tag}`, postedAt: new Date(), keywords: ["cats"], raw: {}, status: "IDEATED" },
  });
  const idea = await db.idea.create({
    data: { signalId: signal.id, theme: "cats", title: `Idea ${tag}`, imagePrompt: "a cat", productTypes, promptVersion: "test", writer: "test", status: "DESIGNED", score: 1 },
  });
  const design = await db.design.create({ data: { ideaId: idea.id, provider: "local", status: "DONE", progress: 100, prompt: "a cat", palette: ["#e4572e"] } });
  const png = await solidPng();
  for (const productType of productTypes) {
    const printKey = `designs/${design.id}/print-${productType}.png`;
    const mockKey = `designs/${design.id}/mockup-${productType}.png`;
    await storage().put(printKey, png, "image/png");
    await storage().put(mockKey, png, "image/png");
    await db.designFile.create({ data: { designId: design.id, kind: "PRINT", productType, storageKey: printKey, width: 60, height: 72, dpi: 300, hasAlpha: true, bytes: png.length } });
    await db.mockup.create({ data: { designId: design.id, productType, storageKey: mockKey, width: 60, height: 72 } });
  }
  const listing = await db.listing.create({
    data: {
      designId: design.id,
      title: (opts.title ?? `Cat Loaf Supreme ${tag}`).slice(0, 80),
      description: "A loaf of a cat, printed on demand.",
      bullets: ["Soft cotton", "Printed on demand", "Designed from r/aww"],
      tags: ["cat", "loaf", "aww"],
      priceCents: opts.priceCents ?? 2500,
    },
  });
  return { source, signal, idea, design, listing, productTypes };
}

/**
 * Many published storefront products at once (createMany in chunks over the minimal chain rows),
 * each with `donationsPerProduct` PAID donations of 100 cents plus one PENDING that must not count.
 * Product i is published i seconds before `now`, so newest-first order is product 0, 1, 2…
 */
export async function makeProducts(n: number, opts: { community?: string; donationsPerProduct?: number; chunk?: number; now?: Date } = {}) {
  const tag = uid();
  const community = opts.community ?? `gal-${tag}`;
  const chunk = opts.chunk ?? 1000;
  const donations = opts.donationsPerProduct ?? 2;
  const now = opts.now ?? new Date();
  const source = await db.source.upsert({ where: { key: "test-publishing" }, create: { key: "test-publishing", kind: "LOCAL", name: "Publishing tests" }, update: {} });
  const productIds: string[] = [];
  for (let start = 0; start < n; start += chunk) {
    const idx = Array.from({ length: Math.min(chunk, n - start) }, (_, k) => start + k);
    const id = (p: string, i: number) => `${p}_${tag}_${i}`;
    await db.signal.createMany({
      data: idx.map((i) => ({ id: id("sig", i), sourceId: source.id, externalId: id("ext", i), contentHash: id("hash", i), community, title: `Signal ${i}`, postedAt: now, keywords: [], raw: {}, status: "IDEATED" as const })),
    });
    await db.idea.createMany({
      data: idx.map((i) => ({ id: id("idea", i), signalId: id("sig", i), theme: "t", title: `Idea ${i}`, imagePrompt: "p", productTypes: ["tee"], promptVersion: "test", writer: "test", status: "PUBLISHED" as const })),
    });
    await db.design.createMany({ data: idx.map((i) => ({ id: id("des", i), ideaId: id("idea", i), provider: "local", status: "DONE" as const, progress: 100, prompt: "p", palette: [] })) });
    await db.listing.createMany({
      data: idx.map((i) => ({ id: id("lst", i), designId: id("des", i), title: `Gallery product ${i} ${tag}`, description: "d", bullets: ["a", "b", "c"], tags: ["t"], priceCents: 2000 + i })),
    });
    await db.product.createMany({
      data: idx.map((i) => ({
        id: id("prd", i),
        slug: `gallery-product-${tag}-${i}`,
        listingId: id("lst", i),
        title: `Gallery product ${i} ${tag}`,
        community,
        priceCents: 2000 + i,
        coverKey: `designs/${id("des", i)}/mockup-tee.png`,
        publishedAt: new Date(now.getTime() - i * 1000),
      })),
    });
    const rows = idx.flatMap((i) => [
      ...Array.from({ length: donations }, () => ({ productId: id("prd", i), subreddit: community, amountCents: 100, status: "PAID" as const })),
      { productId: id("prd", i), subreddit: community, amountCents: 9999, status: "PENDING" as const },
    ]);
    await db.donation.createMany({ data: rows });
    productIds.push(...idx.map((i) => id("prd", i)));
  }
  return { community, productIds, tag };
}

/**
 * The "from" price a published product must show: its cheapest active catalogue variant when the
 * catalogue is seeded in this database (the shop), otherwise the listing's own price.
 */
export async function expectedFromPrice(productId: string, listingPriceCents: number) {
  const variants = await db.productVariant.findMany({ where: { productId, catalogVariant: { active: true } }, select: { catalogVariant: { select: { retailCents: true } } } });
  return variants.length ? Math.min(...variants.map((v) => v.catalogVariant.retailCents)) : listingPriceCents;
}
