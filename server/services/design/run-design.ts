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
import { assertPrintFile, decodeImage, encodeMaster, inspectImage, rasterArt, renderPrintFile, renderThumbnail, type ArtSource, type ImageInfo, type RawImage } from "./print-files";

export type DesignProgress = (stage: DesignStep, percent: number) => Promise<void> | void;

export const designKeys = {
  /** The image provider's own PNG, kept so later runs (the print files) use the very art the mockups show. */
  source: (id: string) => `designs/${id}/source.png`,
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
 * thumbnail and every mockup are stored; "preview ready" once the listing copy is too (the design's
 * preview: all a shopper sees); then the full-size print files.
 */
export const DESIGN_STEPS = ["rendering", "mockups", "mockups ready", "listing", "preview ready", "print files", "done"] as const;
export type DesignStep = (typeof DESIGN_STEPS)[number];

/** Where the preview ends in a design's progress (and where the print files start). */
const PREVIEW_PERCENT = 40;

type Loaded = NonNullable<Awaited<ReturnType<typeof load>>>;

const load = (designId: string) =>
  db.design.findUnique({ where: { id: designId }, include: { idea: { include: { signal: { select: { keywords: true, community: true } } } } } });

export type RunDesignOptions = {
  onProgress?: DesignProgress;
  commissionId?: string;
  /** "preview": stop once the preview is stored (the design waits QUEUED for its print files). */
  until?: "preview";
  /** Awaited before each full-size file, so a worker can let shopper-facing work go first. */
  beforePrintFile?: () => Promise<void>;
};

/**
 * Makes one design in two parts. First its preview, what a shopper sees: the art, a thumbnail, a
 * mockup per product and the listing copy; `previewAt` records that it is stored. Then the master and
 * a print file per product type (exact size, 300 DPI, alpha — verified by reading each file back).
 * The design is DONE only when every print file is stored and verified; only the storefront (LOCAL)
 * may publish a preview, so no marketplace or print provider sees a design without its print files
 * (see readyFor in publishing/build-package.ts).
 *
 * With `until: "preview"` (commission fulfilment) it stops after the preview and the print files
 * follow in their own job; without it, both parts run in one go (the design worker). Safe to run
 * again: DONE returns at once, a stored preview is not made again (the print files reuse its stored
 * art), and files and rows are overwritten in place. Marks FAILED with the error and rethrows so the
 * queue retries. It does not publish.
 */
export async function runDesign(designId: string, opts: RunDesignOptions = {}): Promise<Design> {
  const design = await load(designId);
  if (!design) throw new AppError("NOT_FOUND", `Design ${designId} does not exist`);
  if (design.status === "DONE") return design;
  if (opts.until === "preview" && design.previewAt) return design;

  const progress = async (stage: DesignStep, percent: number) => {
    await db.design.update({ where: { id: designId }, data: { stage, progress: percent } });
    await opts.onProgress?.(stage, percent);
  };

  const [stage, percent] = design.previewAt ? (["print files", PREVIEW_PERCENT] as const) : (["rendering", 5] as const);
  await db.design.update({
    where: { id: designId },
    data: { status: "RUNNING", stage, progress: percent, attempts: { increment: 1 }, startedAt: new Date(), finishedAt: null, error: null },
  });
  await opts.onProgress?.(stage, percent);

  try {
    const types = productTypesOf(design.idea.productTypes);
    const art = await artOf(design, opts.commissionId);
    // A preview made from other art (its source was lost, so the art was made again) is made again.
    if (!design.previewAt || art.fresh) await makePreview(design, types, art, progress, opts.until === "preview");
    if (opts.until === "preview") return await db.design.findUniqueOrThrow({ where: { id: designId } });
    await makePrintFiles(designId, types, art, progress, opts.beforePrintFile);

    const finished = await db.$transaction(async (tx) => {
      const d = await tx.design.update({ where: { id: designId }, data: { status: "DONE", stage: "done", progress: 100, finishedAt: new Date(), error: null } });
      await tx.idea.updateMany({ where: { id: design.idea.id, status: "APPROVED" }, data: { status: "DESIGNED" } });
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

type Art = { decoded: RawImage; source: ArtSource; fresh: boolean };

/**
 * The design's art: the stored source when an earlier run made it (its palette is saved with it), so
 * the print files show exactly what the mockups show and a paid image is not bought twice; otherwise
 * made by the image provider now (`fresh`) and stored. Vector providers draw it again at any size.
 */
async function artOf(design: Loaded, commissionId?: string): Promise<Art> {
  const { idea } = design;
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
  const stored = design.palette.length ? await storage().get(designKeys.source(design.id)) : null;
  let png = stored;
  let palette = design.palette;
  if (!png) {
    const image = await provider.generate(input);
    await recordUsage(image.usage, { designId: design.id, ideaId: idea.id, signalId: idea.signalId, community: idea.signal.community, commissionId, paid: !!commissionId });
    png = image.png;
    palette = image.palette;
  }
  const decoded = await decodeImage(png);
  if (decoded.width < 256 || decoded.height < 256) throw new AppError("UNPROCESSABLE", `The image provider returned a ${decoded.width}×${decoded.height} image; at least 256×256 is needed`);
  if (!stored) {
    // Source first, then the palette that marks it usable: a crash between the two makes it again.
    await storage().put(designKeys.source(design.id), png, "image/png");
    await db.design.update({ where: { id: design.id }, data: { palette } });
  }
  const renderAt = provider.renderAt?.bind(provider);
  const vectorInput = { ...input, palette };
  const source: ArtSource = renderAt ? { width: decoded.width, height: decoded.height, at: (w, h) => renderAt(vectorInput, w, h) } : rasterArt(decoded);
  return { decoded, source, fresh: !stored };
}

/**
 * What the shopper sees: thumbnail, mockups, listing copy; then `previewAt`. With art an earlier run
 * stored, the thumbnail and mockups that run already stored are kept rather than rendered again.
 */
async function makePreview(design: Loaded, types: ProductType[], art: Art, progress: (stage: DesignStep, percent: number) => Promise<void>, waitForPrintFiles: boolean) {
  const designId = design.id;
  const { idea } = design;
  const kept = art.fresh ? null : await db.design.findUniqueOrThrow({ where: { id: designId }, select: { files: { where: { kind: "THUMBNAIL" }, select: { id: true } }, mockups: { select: { productType: true } } } });
  if (!kept?.files.length) {
    const thumb = await renderThumbnail(art.decoded);
    await saveFile(designId, "THUMBNAIL", null, designKeys.thumb(designId), thumb, await inspectImage(thumb));
  }
  await progress("mockups", 15);
  const stored = new Set(kept?.mockups.map((m) => m.productType));
  await Promise.all(
    types
      .filter((type) => !stored.has(type))
      .map(async (type) => {
        const m = await renderMockup(art.source, type);
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
  // Stopping here, the design waits (QUEUED) for the job that makes its print files.
  await db.design.update({ where: { id: designId }, data: { previewAt: new Date(), ...(waitForPrintFiles ? { status: "QUEUED" as const } : {}) } });
  await progress("preview ready", PREVIEW_PERCENT);
}

/** The full-size files, two print files at a time, largest first (see PRINT_FILES_AT_ONCE), with the master encoded alongside. */
async function makePrintFiles(designId: string, types: ProductType[], art: Art, progress: (stage: DesignStep, percent: number) => Promise<void>, beforePrintFile?: () => Promise<void>) {
  await progress("print files", PREVIEW_PERCENT);
  let done = 0;
  const queue = [...types].sort((a, b) => PRODUCT_SPECS[b].width * PRODUCT_SPECS[b].height - PRODUCT_SPECS[a].width * PRODUCT_SPECS[a].height);
  const worker = async () => {
    for (let type = queue.shift(); type; type = queue.shift()) {
      await beforePrintFile?.();
      const spec = PRODUCT_SPECS[type];
      const png = await renderPrintFile(art.source, spec);
      const info = await inspectImage(png);
      assertPrintFile(info, spec);
      await saveFile(designId, "PRINT", type, designKeys.print(designId, type), png, info);
      done += 1;
      await progress("print files", PREVIEW_PERCENT + Math.round(((95 - PREVIEW_PERCENT) * done) / types.length));
    }
  };
  const saveMaster = async () => {
    await beforePrintFile?.();
    const master = await encodeMaster(art.decoded);
    await saveFile(designId, "MASTER", null, designKeys.master(designId), master, await inspectImage(master));
  };
  // Settle all before failing, so no render of this run still writes after the design is FAILED.
  const settled = await Promise.allSettled([saveMaster(), ...Array.from({ length: PRINT_FILES_AT_ONCE }, worker)]);
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
}
