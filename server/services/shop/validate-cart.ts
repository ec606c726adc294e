import { db } from "../../db";
import { money } from "../../../lib/format";
import type { CartLineInput } from "./schema";

export type CartProblem = { variantId: string; problem: "unavailable" | "price_changed"; message: string; unitCents?: number };

export type PricedLine = {
  variantId: string;
  productId: string;
  productSlug: string;
  title: string;
  productType: string;
  size: string;
  colour: string;
  quantity: number;
  unitCents: number;
  baseCostCents: number;
  currency: string;
  weightGrams: number;
  coverKey: string;
};

const describe = (l: { title: string; size: string; colour: string }) => `${l.title} (${l.colour}, ${l.size})`;

/**
 * Prices a cart against the catalogue as it is now (one query): every line gets the current price,
 * and a line whose variant is gone or inactive, or whose price differs from what the shopper saw,
 * is reported as a problem with a message a shopper can act on. Same variant twice is merged.
 */
export async function validateCart(lines: CartLineInput[]): Promise<{ lines: PricedLine[]; problems: CartProblem[] }> {
  const merged = new Map<string, CartLineInput>();
  for (const l of lines) {
    const prev = merged.get(l.variantId);
    merged.set(l.variantId, prev ? { ...prev, quantity: prev.quantity + l.quantity } : { ...l });
  }
  const rows = await db.productVariant.findMany({
    where: { id: { in: [...merged.keys()] } },
    select: { id: true, product: { select: { id: true, slug: true, title: true, coverKey: true } }, catalogVariant: true },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const priced: PricedLine[] = [];
  const problems: CartProblem[] = [];
  for (const l of merged.values()) {
    const r = byId.get(l.variantId);
    if (!r || !r.catalogVariant.active) {
      problems.push({ variantId: l.variantId, problem: "unavailable", message: r ? `${describe({ title: r.product.title, ...r.catalogVariant })} is no longer available` : "An item in your cart is no longer available" });
      continue;
    }
    const cv = r.catalogVariant;
    const line: PricedLine = {
      variantId: r.id,
      productId: r.product.id,
      productSlug: r.product.slug,
      title: r.product.title,
      productType: cv.productType,
      size: cv.size,
      colour: cv.colour,
      quantity: l.quantity,
      unitCents: cv.retailCents,
      baseCostCents: cv.baseCostCents,
      currency: cv.currency,
      weightGrams: cv.weightGrams,
      coverKey: r.product.coverKey,
    };
    if (l.unitCents !== undefined && l.unitCents !== cv.retailCents) {
      problems.push({ variantId: l.variantId, problem: "price_changed", unitCents: cv.retailCents, message: `The price of ${describe(line)} changed from ${money(l.unitCents, cv.currency)} to ${money(cv.retailCents, cv.currency)}` });
    }
    priced.push(line);
  }
  return { lines: priced, problems };
}
