import { db } from "../../db";
import { AppError } from "../../errors";
import { isProductType } from "../design/products";

// The catalogue: every sellable variant per product type. Base costs approximate Printful's US
// prices (late 2026) for the products in printful-variants.ts; retail prices are ours, editable in
// the dashboard. printfulVariantId is Printful's catalog variant id (verify with GET /products/<id>).

type Seed = { productType: string; size: string; colour: string; colourHex: string; baseCostCents: number; retailCents: number; weightGrams: number; printfulVariantId: number | null };

const tee = (colour: string, colourHex: string, firstId: number): Seed[] =>
  (["S", "M", "L", "XL", "2XL"] as const).map((size, i) => ({
    productType: "tee",
    size,
    colour,
    colourHex,
    baseCostCents: size === "2XL" ? 1495 : 1295,
    retailCents: size === "2XL" ? 2700 : 2400,
    weightGrams: [142, 156, 170, 184, 198][i],
    printfulVariantId: firstId + i,
  }));

export const CATALOGUE_SEED: Seed[] = [
  // Bella + Canvas 3001 Unisex Staple T-Shirt (Printful product 71)
  ...tee("White", "#f7f7f5", 4011),
  ...tee("Black", "#1f1f22", 4016),
  ...tee("Navy", "#26314f", 4111),
  // White Glossy Mug (Printful product 19)
  { productType: "mug", size: "11 oz", colour: "White", colourHex: "#ffffff", baseCostCents: 695, retailCents: 1600, weightGrams: 350, printfulVariantId: 1320 },
  { productType: "mug", size: "15 oz", colour: "White", colourHex: "#ffffff", baseCostCents: 945, retailCents: 1900, weightGrams: 450, printfulVariantId: 4830 },
  // Enhanced Matte Paper Poster (Printful product 1)
  { productType: "poster", size: "12×16 in", colour: "White", colourHex: "#ffffff", baseCostCents: 1025, retailCents: 1800, weightGrams: 100, printfulVariantId: 3876 },
  { productType: "poster", size: "18×24 in", colour: "White", colourHex: "#ffffff", baseCostCents: 1425, retailCents: 2600, weightGrams: 150, printfulVariantId: 1 },
  // Kiss-Cut Stickers (Printful product 358)
  { productType: "sticker", size: "3×3 in", colour: "White", colourHex: "#ffffff", baseCostCents: 229, retailCents: 400, weightGrams: 5, printfulVariantId: 10163 },
  { productType: "sticker", size: "4×4 in", colour: "White", colourHex: "#ffffff", baseCostCents: 249, retailCents: 450, weightGrams: 7, printfulVariantId: 10164 },
  { productType: "sticker", size: "5.5×5.5 in", colour: "White", colourHex: "#ffffff", baseCostCents: 269, retailCents: 550, weightGrams: 10, printfulVariantId: 10165 },
];

/** Inserts the catalogue variants that are missing; never overwrites an edited price. */
export async function seedCatalogue() {
  const r = await db.catalogVariant.createMany({ data: CATALOGUE_SEED.map((v, i) => ({ ...v, sortOrder: i })), skipDuplicates: true });
  return { created: r.count };
}

export function listCatalogue() {
  return db.catalogVariant.findMany({ orderBy: [{ productType: "asc" }, { sortOrder: "asc" }] });
}

/**
 * Keeps each product's "from" price (Product.priceCents, shown in the gallery) equal to its
 * cheapest available variant. One statement for all products, or the given ones.
 */
export async function refreshFromPrices(productIds?: string[]) {
  await db.$executeRawUnsafe(
    `update products p set "priceCents" = m.price, "updatedAt" = now()
     from (select pv."productId", min(cv."retailCents") as price from product_variants pv
           join catalog_variants cv on cv.id = pv."catalogVariantId" and cv.active
           ${productIds ? `where pv."productId" = any($1)` : ""} group by pv."productId") m
     where p.id = m."productId" and p."priceCents" <> m.price`,
    ...(productIds ? [productIds] : []),
  );
}

export type CatalogueEdit = { id: string; retailCents?: number; baseCostCents?: number; active?: boolean };

/** Dashboard edit of one variant's retail price, base cost or availability. */
export async function updateCatalogueVariant(edit: CatalogueEdit, by?: string) {
  const before = await db.catalogVariant.findUnique({ where: { id: edit.id } });
  if (!before) throw new AppError("NOT_FOUND", "No such catalogue variant");
  const retail = edit.retailCents ?? before.retailCents;
  const base = edit.baseCostCents ?? before.baseCostCents;
  if (!Number.isInteger(retail) || retail < 50) throw new AppError("BAD_REQUEST", "The retail price must be at least 0.50");
  if (!Number.isInteger(base) || base < 0) throw new AppError("BAD_REQUEST", "The base cost must be zero or more");
  if (retail < base) throw new AppError("BAD_REQUEST", "The retail price is below the base cost: every sale would lose money");
  const after = await db.catalogVariant.update({ where: { id: edit.id }, data: { retailCents: retail, baseCostCents: base, active: edit.active ?? before.active } });
  await db.auditLog.create({ data: { actorId: by, action: "catalogue.update", entityType: "catalog_variant", entityId: edit.id, data: { before: { retailCents: before.retailCents, baseCostCents: before.baseCostCents, active: before.active }, after: { retailCents: retail, baseCostCents: base, active: after.active } } } });
  const affected = await db.productVariant.findMany({ where: { catalogVariantId: edit.id }, select: { productId: true } });
  if (affected.length) await refreshFromPrices(affected.map((a) => a.productId));
  return after;
}

/**
 * A published product offers every active catalogue variant of its design's product types: those it
 * has mockups (its preview) or print files for, which runDesign makes for the same types. The
 * storefront may publish from the preview, before the print files; an order then waits for them
 * (shop/submit-order.ts). Idempotent: adds what is missing, then refreshes the "from" price.
 */
export async function syncProductVariants(listingId: string) {
  const product = await db.product.findUnique({
    where: { listingId },
    select: { id: true, listing: { select: { design: { select: { mockups: { select: { productType: true } }, files: { where: { kind: "PRINT" }, select: { productType: true } } } } } } },
  });
  if (!product) return { productId: null, variants: 0 };
  const { mockups, files } = product.listing.design;
  const types = [...new Set([...mockups, ...files].map((f) => f.productType))].filter((t): t is string => !!t && isProductType(t));
  const variants = await db.catalogVariant.findMany({ where: { productType: { in: types } }, select: { id: true } });
  await db.productVariant.createMany({ data: variants.map((v) => ({ productId: product.id, catalogVariantId: v.id })), skipDuplicates: true });
  await refreshFromPrices([product.id]);
  return { productId: product.id, variants: variants.length };
}
