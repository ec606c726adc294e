import { db } from "../../db";
import { AppError } from "../../errors";
import { storage } from "../../providers/storage";
import { renderMockup } from "../design/mockups";
import { decodeImage, rasterArt } from "../design/print-files";
import { isProductType } from "../design/products";

export const colourMockupKey = (designId: string, type: string, colour: string) => `designs/${designId}/mockup-${type}-${colour.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.png`;

/** The template's own colour: its mockup is the design's stored one. */
const TEMPLATE_COLOUR = "white";

/**
 * The product's mockup in one catalogue colour: rendered once with the design pipeline's mockup code
 * (the garment recoloured, the art composited on top) and kept in storage; later requests read it.
 * Only colours the catalogue sells for that type are rendered, so storage stays bounded.
 */
export async function colourMockup(slug: string, type: string, colour: string): Promise<{ key: string; body: Buffer; rendered: boolean }> {
  if (!isProductType(type)) throw new AppError("NOT_FOUND", "No such product type");
  const product = await db.product.findUnique({ where: { slug }, select: { listing: { select: { designId: true } } } });
  if (!product) throw new AppError("NOT_FOUND", "No such product");
  const designId = product.listing.designId;
  const variant = await db.catalogVariant.findFirst({ where: { productType: type, colour: { equals: colour, mode: "insensitive" } }, select: { colour: true, colourHex: true } });
  if (!variant) throw new AppError("NOT_FOUND", `No ${type} in ${colour}`);
  const s = storage();
  if (variant.colour.toLowerCase() === TEMPLATE_COLOUR) {
    const stored = await db.mockup.findUnique({ where: { designId_productType: { designId, productType: type } } });
    const body = stored ? await s.get(stored.storageKey) : null;
    if (!body || !stored) throw new AppError("NOT_FOUND", "This product has no mockup yet");
    return { key: stored.storageKey, body, rendered: false };
  }
  const key = colourMockupKey(designId, type, variant.colour);
  const cached = await s.get(key);
  if (cached) return { key, body: cached, rendered: false };
  const master = await db.designFile.findFirst({ where: { designId, kind: "MASTER" }, select: { storageKey: true } });
  const png = master ? await s.get(master.storageKey) : null;
  if (!png) throw new AppError("NOT_FOUND", "This product's art is not available");
  const art = rasterArt(await decodeImage(png));
  const { png: body } = await renderMockup(art, type, { colourHex: variant.colourHex });
  await s.put(key, body, "image/png");
  return { key, body, rendered: true };
}
