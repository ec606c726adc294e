/**
 * Printful catalog variants per Merchloop product type. A `variantId` is a Printful catalog
 * variant (one product in one colour and size, see GET /products/<productId>); every variant
 * becomes a sync variant of the listing's Printful product, printed with that type's print file.
 * `extraCents` is added to the listing price (bigger sizes cost more to print).
 * Edit these to change colours, sizes or products; verify ids with GET /products/<productId>.
 */
export type PrintfulVariant = { variantId: number; name: string; extraCents: number };

export const PRINTFUL_VARIANTS: Record<string, { productId: number; variants: PrintfulVariant[] }> = {
  // Bella + Canvas 3001 Unisex Staple T-Shirt, White, S–2XL
  tee: {
    productId: 71,
    variants: [
      { variantId: 4011, name: "White / S", extraCents: 0 },
      { variantId: 4012, name: "White / M", extraCents: 0 },
      { variantId: 4013, name: "White / L", extraCents: 0 },
      { variantId: 4014, name: "White / XL", extraCents: 0 },
      { variantId: 4015, name: "White / 2XL", extraCents: 200 },
    ],
  },
  // White Glossy Mug, 11 oz
  mug: { productId: 19, variants: [{ variantId: 1320, name: "11 oz", extraCents: 0 }] },
  // Enhanced Matte Paper Poster, 18×24 in
  poster: { productId: 1, variants: [{ variantId: 1, name: "18×24", extraCents: 0 }] },
  // Kiss-Cut Stickers, 3×3 in
  sticker: { productId: 358, variants: [{ variantId: 10163, name: "3×3", extraCents: 0 }] },
};
