import { availableParallelism } from "node:os";
import sharp from "sharp";
import { AppError } from "../../errors";
import { artBoxes, type ProductSpec } from "./products";

// Print files with sharp: the master art fitted into each product's canvas with transparent margins,
// written at 300 DPI (pHYs) and checked by reading the encoded file back.

// sharp defaults to one libvips thread on glibc; use the cores we have (capped) for the big prints.
sharp.concurrency(Math.max(1, Math.min(4, availableParallelism())));
// Print files are written once and never re-read in the same process: libvips' operation cache
// would only hold hundreds of MB of poster-sized pixels.
sharp.cache(false);

export type RawImage = { data: Buffer; width: number; height: number };

/** The art at any size: re-drawn by vector providers, resized from the master otherwise. */
export type ArtSource = { width: number; height: number; at(w: number, h: number): Promise<RawImage> };

export function rasterArt(master: RawImage): ArtSource {
  return { width: master.width, height: master.height, at: (w, h) => (w === master.width && h === master.height ? Promise.resolve(master) : resizeRaw(master, w, h)) };
}
export type ImageInfo = { width: number; height: number; dpi: number; hasAlpha: boolean; bytes: number };

const TRANSPARENT = { r: 0, g: 0, b: 0, alpha: 0 };
/**
 * Lossless PNG settings for every image a design stores, chosen with bench/png-encode.ts: zlib
 * level 4 without row filters encoded this flat art 21% faster than level 6 (34% for mockups and
 * thumbnails) for 7% more bytes; level 9 was 4.5× slower for 19% fewer bytes, and adaptive filtering
 * 5× slower and 1% smaller.
 */
export const PNG_SETTINGS = { compressionLevel: 4, adaptiveFiltering: false } as const;

/** Decode any provider image into raw RGBA once; every output is cut from it. */
export async function decodeImage(png: Buffer): Promise<RawImage> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

const fromRaw = (img: RawImage) => sharp(img.data, { raw: { width: img.width, height: img.height, channels: 4 } });

/** The art resized to (w, h) as raw RGBA. */
export async function resizeRaw(img: RawImage, w: number, h: number): Promise<RawImage> {
  const data = await fromRaw(img).resize(w, h, { fit: "fill", kernel: "lanczos3" }).raw().toBuffer();
  return { data, width: w, height: h };
}

export async function encodeMaster(img: RawImage): Promise<Buffer> {
  return fromRaw(img).withMetadata({ density: 300 }).png(PNG_SETTINGS).toBuffer();
}

/** One print file: exact product size, transparent margins, 300 DPI, RGBA PNG. */
export async function renderPrintFile(art: ArtSource, spec: ProductSpec): Promise<Buffer> {
  const boxes = artBoxes(spec, art.width, art.height);
  const [box] = boxes;
  const piece = await art.at(box.width, box.height);
  const raw = { width: piece.width, height: piece.height, channels: 4 as const };
  if (boxes.length === 1) {
    return sharp(piece.data, { raw })
      .extend({ top: box.top, left: box.left, bottom: spec.height - box.top - piece.height, right: spec.width - box.left - piece.width, background: TRANSPARENT })
      .withMetadata({ density: spec.dpi })
      .png(PNG_SETTINGS)
      .toBuffer();
  }
  return sharp({ create: { width: spec.width, height: spec.height, channels: 4, background: TRANSPARENT } })
    .composite(boxes.map((b) => ({ input: piece.data, raw, left: b.left, top: b.top })))
    .withMetadata({ density: spec.dpi })
    .png(PNG_SETTINGS)
    .toBuffer();
}

/** Reads an encoded image back: what a print shop would see. */
export async function inspectImage(buf: Buffer): Promise<ImageInfo> {
  const m = await sharp(buf).metadata();
  return { width: m.width ?? 0, height: m.height ?? 0, dpi: Math.round(m.density ?? 72), hasAlpha: !!m.hasAlpha, bytes: buf.length };
}

/** Throws a clear error unless the file is exactly the product's size, at its DPI, with alpha. */
export function assertPrintFile(info: ImageInfo, spec: ProductSpec) {
  const problems: string[] = [];
  if (info.width !== spec.width || info.height !== spec.height) problems.push(`is ${info.width}×${info.height}, expected ${spec.width}×${spec.height}`);
  if (info.dpi !== spec.dpi) problems.push(`is ${info.dpi} DPI, expected ${spec.dpi}`);
  if (!info.hasAlpha) problems.push("has no alpha channel (needs a transparent background)");
  if (problems.length) throw new AppError("UNPROCESSABLE", `Print file for ${spec.type} ${problems.join("; ")}`);
}

/** Square thumbnail for admin lists (the art on transparency). */
export async function renderThumbnail(art: RawImage, size = 600): Promise<Buffer> {
  return fromRaw(art).resize(size, size, { fit: "contain", background: TRANSPARENT }).png(PNG_SETTINGS).toBuffer();
}
