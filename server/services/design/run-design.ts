import type { Design, DesignFileKind } from "@prisma/client";
import { db } from "../../db";
import { AppError } from "../../errors";
import { log } from "../../log";
import { imageProvider, isImageProvider } from "../../providers/images";
import { qualityOf } from "../../../lib/vocabulary";
import { fnv1a } from "../../providers/images/palette";
import { MASTER_SIZE } from "../../providers/images/local";
import { storage } from "../../providers/storage";
import { recordUsage } from "../costs/record-cost";
import { buildListingCopy } from "./listing-copy";
import { renderMockup } from "./mockups";
import { PRODUCT_SPECS, productTypesOf, type ProductType } from "./products";
import { assertPrintFile, decodeImage, encodeMaster, inspectImage, rasterArt, renderPrintFile, renderThumbnail, type ArtSource, type ImageInfo } from "./print-files";

export type DesignProgress = (stage: DesignStep, percent: number) => Promise<void> | void;

export const designKeys = {
  master: (id: string) => `designs/${id}/master.png`,
  print: (id: string, type: ProductType) => `designs/${id}/print-${type}.png`,
  thumb: (id: string) => `designs/${id}/thumb.png`,
  mockup: (id: string, type: ProductType) => `designs/${id}/mockup-${type}.png`,
};


/**
 * Print files rendered at the same time per design. The local renderer draws each one on the main
 * thread and libvips encodes it on a pool thread, so two in flight keep both cores busy; measured
 * against 1 and all at once in the commit that set it.
 */
const PRINT_FILES_AT_ONCE = 2;

async function saveFile(designId: string, kind: DesignFileKind, productType: ProductType | null, key: string, png: Buffer, info: ImageInfo) {
  await storage().put(key, png, "image/png");
  const data = { storageKey: key, mimeType: "image/png", width: info.width, height: info.height, dpi: info.dpi, hasAlpha: info.hasAlpha, bytes: info.bytes };
  // Prisma cannot upsert on a compound unique with a null member (MASTER/THUMBNAIL): find, then write.
  const existing = await db.designFile.findFirst({ where: { designId, kind, productType }, select: { id: true } });
  if (existing) await db.designFile.update({ where: { id: existing.id }, data });
  else await db.designFile.create({ data: { designId, kind, productType, ...data } });
}

/**
 * What runDesign reports through onProgress, in this order. "mockups ready" is reported once the
 * thumbnail and every mockup are stored; then the listing copy, then the full-size print files.
 */
export const DESIGN_STEPS = ["rendering", "mockups", "mockups ready", "listing", "print files", "done"] as const;
export type DesignStep = (typeof DESIGN_STEPS)[number];

/**
 * Makes one design. What a shopper sees comes first: the art, a thumbnail, a mockup per product and
 * the listing copy; then the master and a print file per product type (exact size, 300 DPI, alpha —
 * verified by reading each file back), rendered in parallel. The design is DONE only when every
 * print file is stored and verified, and nothing publishes a design before it is DONE, so no
 * marketplace or print provider sees one without its print files. DONE designs return at once; a
 * re-run overwrites files and rows in place. Marks FAILED with the error and rethrows so the queue
 * retries. It does not publish.
 */
export async function runDesign(designId: string, opts: { onProgress?: DesignProgress; commissionId?: string } = {}): Promise<Design> {
  const design = await db.design.findUnique({
    where: { id: designId },
    include: { idea: { include: { signal: { select: { keywords: true, community: true } } } } },
  });
  if (!design) throw new AppError("NOT_FOUND", `Design ${designId} does not exist`);
  if (design.status === "DONE") return design;

  const progress = async (stage: DesignStep, percent: number) => {
    await db.design.update({ where: { id: designId }, data: { stage, progress: percent } });
    await opts.onProgress?.(stage, percent);
  };

  await db.design.update({
    where: { id: designId },
    data: { status: "RUNNING", stage: "rendering", progress: 5, attempts: { increment: 1 }, startedAt: new Date(), finishedAt: null, error: null },
  });
  await opts.onProgress?.("rendering", 5);

  try {
    const { idea } = design;
    const types = productTypesOf(idea.productTypes);
    const quality = qualityOf(design.quality);
    const providerName = isImageProvider(design.provider) ? design.provider : undefined;
    const size = MASTER_SIZE[quality];
    const provider = imageProvider(providerName);
    const input = {
      prompt: design.prompt || idea.imagePrompt,
      title: idea.title,
      theme: idea.theme,
      palette: design.palette.length ? design.palette : undefined,
      seed: fnv1a(idea.id),
      width: size,
      height: size,
      quality,
    };
    const image = await provider.generate(input);
    await recordUsage(image.usage, { designId, ideaId: idea.id, signalId: idea.signalId, community: idea.signal.community, commissionId: opts.commissionId, paid: !!opts.commissionId });
    const decoded = await decodeImage(image.png);
    if (decoded.width < 256 || decoded.height < 256) throw new AppError("UNPROCESSABLE", `The image provider returned a ${decoded.width}×${decoded.height} image; at least 256×256 is needed`);
    await db.design.update({ where: { id: designId }, data: { palette: image.palette } });
    const renderAt = provider.renderAt?.bind(provider);
    const vectorInput = { ...input, palette: image.palette };
    const art: ArtSource = renderAt ? { width: decoded.width, height: decoded.height, at: (w, h) => renderAt(vectorInput, w, h) } : rasterArt(decoded);

    // First what the shopper sees: thumbnail, mockups, listing copy.
    const thumb = await renderThumbnail(decoded);
    await saveFile(designId, "THUMBNAIL", null, designKeys.thumb(designId), thumb, await inspectImage(thumb));
    await progress("mockups", 15);
    await Promise.all(
      types.map(async (type) => {
        const m = await renderMockup(art, type);
        const storageKey = designKeys.mockup(designId, type);
        await storage().put(storageKey, m.png, "image/png");
        await db.mockup.upsert({
          where: { designId_productType: { designId, productType: type } },
          create: { designId, productType: type, storageKey, width: m.width, height: m.height },
          update: { storageKey, width: m.width, height: m.height },
        });
      }),
    );
    await progress("mockups ready", 35);

    await progress("listing", 38);
    const copy = buildListingCopy({ title: idea.title, theme: idea.theme, keywords: idea.signal.keywords, community: idea.signal.community, productTypes: types, phrases: idea.phrases });
    await db.listing.upsert({ where: { designId }, create: { designId, ...copy }, update: copy });

    // Then the full-size files, two print files at a time, largest first (see PRINT_FILES_AT_ONCE),
    // with the master encoded alongside.
    await progress("print files", 40);
    let done = 0;
    const queue = [...types].sort((a, b) => PRODUCT_SPECS[b].width * PRODUCT_SPECS[b].height - PRODUCT_SPECS[a].width * PRODUCT_SPECS[a].height);
    const worker = async () => {
      for (let type = queue.shift(); type; type = queue.shift()) {
        const spec = PRODUCT_SPECS[type];
        const png = await renderPrintFile(art, spec);
        const info = await inspectImage(png);
        assertPrintFile(info, spec);
        await saveFile(designId, "PRINT", type, designKeys.print(designId, type), png, info);
        done += 1;
        await progress("print files", 40 + Math.round((55 * done) / types.length));
      }
    };
    const saveMaster = async () => {
      const master = await encodeMaster(decoded);
      await saveFile(designId, "MASTER", null, designKeys.master(designId), master, await inspectImage(master));
    };
    // Settle all before failing, so no render of this run still writes after the design is FAILED.
    const settled = await Promise.allSettled([saveMaster(), ...Array.from({ length: PRINT_FILES_AT_ONCE }, worker)]);
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed) throw failed.reason;

    const finished = await db.$transaction(async (tx) => {
      const d = await tx.design.update({ where: { id: designId }, data: { status: "DONE", stage: "done", progress: 100, finishedAt: new Date(), error: null } });
      await tx.idea.updateMany({ where: { id: idea.id, status: "APPROVED" }, data: { status: "DESIGNED" } });
      return d;
    });
    await opts.onProgress?.("done", 100);
    return finished;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    log.warn({ designId, err: message }, "design failed");
    await db.design.update({ where: { id: designId }, data: { status: "FAILED", error: message.slice(0, 2000), finishedAt: new Date() } }).catch(() => undefined);
    throw err;
  }
}
