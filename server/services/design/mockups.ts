import { readFile } from "node:fs/promises";
import { join } from "node:path";
import sharp, { type OverlayOptions } from "sharp";
import { artBoxes, PRODUCT_SPECS, type ProductType } from "./products";
import { PNG_SETTINGS, type ArtSource, type RawImage } from "./print-files";
import { MOCKUP_TEMPLATES } from "./templates";

// Mockups: the art composited onto the shipped product photos-in-vector (public/templates).

const templateCache = new Map<string, Promise<Buffer>>();
const templatePath = (file: string) => join(process.cwd(), "public/templates", file);

function template(file: string) {
  let p = templateCache.get(file);
  if (!p) {
    p = readFile(templatePath(file));
    p.catch(() => templateCache.delete(file));
    templateCache.set(file, p);
  }
  return p;
}

/** White die-cut border around the art's silhouette, with a soft drop shadow (stickers). */
async function dieCut(art: RawImage, border: number) {
  const pad = border * 2;
  const w = art.width + pad * 2;
  const h = art.height + pad * 2;
  const padded = await sharp(art.data, { raw: { width: art.width, height: art.height, channels: 4 } })
    .extend({ top: pad, bottom: pad, left: pad, right: pad, background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .raw()
    .toBuffer();
  const mask = await sharp(padded, { raw: { width: w, height: h, channels: 4 } }).extractChannel(3).blur(border).threshold(8).extractChannel(0).raw().toBuffer();
  const white = await sharp({ create: { width: w, height: h, channels: 3, background: "#ffffff" } }).joinChannel(mask, { raw: { width: w, height: h, channels: 1 } }).raw().toBuffer();
  const shadowMask = await sharp(mask, { raw: { width: w, height: h, channels: 1 } }).linear(0.45, 0).blur(border).extractChannel(0).raw().toBuffer();
  const shadow = await sharp({ create: { width: w, height: h, channels: 3, background: "#000000" } }).joinChannel(shadowMask, { raw: { width: w, height: h, channels: 1 } }).raw().toBuffer();
  const raw = { raw: { width: w, height: h, channels: 4 as const } };
  const data = await sharp({ create: { width: w, height: h, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
    .composite([
      { input: shadow, ...raw, left: 0, top: Math.round(border / 2) },
      { input: white, ...raw, left: 0, top: 0 },
      { input: padded, ...raw, left: 0, top: 0 },
    ])
    .raw()
    .toBuffer();
  return { data, width: w, height: h, pad };
}

/**
 * The template with the garment recoloured: its near-white, unsaturated pixels (the product, not the
 * background) are multiplied by the colour, so folds and edges keep their shading.
 */
async function tintedTemplate(file: string, hex: string): Promise<Buffer> {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const { data, info } = await sharp(await template(file)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  for (let i = 0; i < data.length; i += 4) {
    const r = data[i], g = data[i + 1], b = data[i + 2];
    const lo = Math.min(r, g, b);
    if (lo > 215 && Math.max(r, g, b) - lo < 18) {
      data[i] = Math.min(255, Math.round((r / 247) * c[0]));
      data[i + 1] = Math.min(255, Math.round((g / 247) * c[1]));
      data[i + 2] = Math.min(255, Math.round((b / 247) * c[2]));
    }
  }
  return sharp(data, { raw: { width: info.width, height: info.height, channels: 4 } }).png().toBuffer();
}

/** A ~1200px PNG of the product with the art placed in its print area (optionally on a coloured garment). */
export async function renderMockup(art: ArtSource, type: ProductType, opts: { colourHex?: string } = {}): Promise<{ png: Buffer; width: number; height: number }> {
  const t = MOCKUP_TEMPLATES[type];
  const spec = PRODUCT_SPECS[type];
  const [box] = artBoxes({ width: t.rect.w, height: t.rect.h, margin: spec.margin, align: spec.align, copies: 1 }, art.width, art.height);
  const piece = await art.at(box.width, box.height);
  const layers: OverlayOptions[] = [];
  if (type === "sticker") {
    const cut = await dieCut(piece, Math.max(6, Math.round(box.width * 0.025)));
    layers.push({ input: cut.data, raw: { width: cut.width, height: cut.height, channels: 4 }, left: t.rect.x + box.left - cut.pad, top: t.rect.y + box.top - cut.pad });
  } else {
    layers.push({ input: piece.data, raw: { width: piece.width, height: piece.height, channels: 4 }, left: t.rect.x + box.left, top: t.rect.y + box.top });
  }
  if (t.overlay) layers.push({ input: await template(t.overlay), left: 0, top: 0 });
  const base = opts.colourHex && /^#[0-9a-f]{6}$/i.test(opts.colourHex) ? await tintedTemplate(t.file, opts.colourHex) : await template(t.file);
  const png = await sharp(base).composite(layers).png(PNG_SETTINGS).toBuffer();
  return { png, width: t.width, height: t.height };
}
