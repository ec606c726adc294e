// Print products: the exact pixel size each print-on-demand product needs at 300 DPI, where the art
// sits inside it, and the listing price.

import { PRODUCT_TYPES, type ProductType } from "../../../lib/vocabulary";

export { PRODUCT_TYPES, isProductType, type ProductType } from "../../../lib/vocabulary";

export type ProductSpec = {
  type: ProductType;
  /** shown to shoppers: "T-Shirt" */
  noun: string;
  width: number;
  height: number;
  dpi: 300;
  /** empty border on each side, as a fraction of the shorter side */
  margin: number;
  /** tees print from the collar down; everything else is centred */
  align: "top" | "centre";
  /** mugs print the art twice, one per side of the handle */
  copies: 1 | 2;
  priceCents: number;
};

export const PRODUCT_SPECS: Record<ProductType, ProductSpec> = {
  tee: { type: "tee", noun: "T-Shirt", width: 4500, height: 5400, dpi: 300, margin: 0.04, align: "top", copies: 1, priceCents: 2400 },
  poster: { type: "poster", noun: "Poster", width: 5400, height: 7200, dpi: 300, margin: 0.08, align: "centre", copies: 1, priceCents: 1800 },
  mug: { type: "mug", noun: "Mug", width: 2700, height: 1050, dpi: 300, margin: 0.06, align: "centre", copies: 2, priceCents: 1600 },
  sticker: { type: "sticker", noun: "Sticker", width: 3000, height: 3000, dpi: 300, margin: 0.04, align: "centre", copies: 1, priceCents: 400 },
};

export const DEFAULT_PRODUCT_TYPES: ProductType[] = ["tee", "sticker"];

/** The idea's product types that we can print, in table order; the default pair when none are. */
export function productTypesOf(types: string[] | null | undefined): ProductType[] {
  const set = new Set((types ?? []).map((t) => t.trim().toLowerCase()));
  const valid = PRODUCT_TYPES.filter((t) => set.has(t));
  return valid.length ? valid : [...DEFAULT_PRODUCT_TYPES];
}

/** Where the (square-ish) art goes inside the print canvas: one box per copy. */
export function artBoxes(spec: Pick<ProductSpec, "width" | "height" | "margin" | "align" | "copies">, artW: number, artH: number) {
  const m = Math.round(Math.min(spec.width, spec.height) * spec.margin);
  const slotW = Math.floor(spec.width / spec.copies);
  const availW = slotW - 2 * m;
  const availH = spec.height - 2 * m;
  const k = Math.min(availW / artW, availH / artH);
  const w = Math.max(1, Math.floor(artW * k));
  const h = Math.max(1, Math.floor(artH * k));
  return Array.from({ length: spec.copies }, (_, i) => ({
    left: i * slotW + Math.floor((slotW - w) / 2),
    top: spec.align === "top" ? m : Math.floor((spec.height - h) / 2),
    width: w,
    height: h,
  }));
}
