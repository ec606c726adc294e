import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { db } from "../server/db";
import { resetEnvCache } from "../server/env";
import { storage } from "../server/providers/storage";
import { PRODUCT_SPECS, type ProductType } from "../server/services/design/products";
import { designKeys, runDesign, type DesignStep } from "../server/services/design/run-design";
import { buildListingPackage } from "../server/services/publishing/build-package";
import { runPublication } from "../server/services/publishing/run-publication";
import { makeDesign } from "./helpers/designs";

const ALL: ProductType[] = ["tee", "poster", "mug", "sticker"];

async function decoded(key: string) {
  const buf = await storage().get(key);
  expect(buf, `stored file ${key}`).not.toBeNull();
  return sharp(buf!).metadata();
}

describe("runDesign with the local renderer", () => {
  it("writes exact-size 300 DPI RGBA print files, a thumbnail, 4 mockups and the listing", async () => {
    const { design, idea } = await makeDesign({ productTypes: ALL });
    const stages: Array<[string, number]> = [];
    const done = await runDesign(design.id, { onProgress: (s, p) => void stages.push([s, p]) });

    expect(done).toMatchObject({ status: "DONE", stage: "done", progress: 100, attempts: 1, error: null });
    expect(done.finishedAt).toBeInstanceOf(Date);
    expect(done.palette).toHaveLength(5);
    expect([...new Set(stages.map(([s]) => s))]).toEqual(["rendering", "mockups", "mockups ready", "listing", "preview ready", "print files", "done"]);
    expect(stages.map(([, p]) => p)).toEqual([...stages.map(([, p]) => p)].sort((a, b) => a - b));

    const files = await db.designFile.findMany({ where: { designId: design.id } });
    const prints = files.filter((f) => f.kind === "PRINT");
    expect(prints.map((f) => f.productType).sort()).toEqual([...ALL].sort());
    for (const f of prints) {
      const spec = PRODUCT_SPECS[f.productType as ProductType];
      const meta = await decoded(f.storageKey);
      expect({ w: meta.width, h: meta.height, dpi: meta.density, alpha: meta.hasAlpha, ch: meta.channels }).toEqual({
        w: spec.width,
        h: spec.height,
        dpi: 300,
        alpha: true,
        ch: 4,
      });
      expect(f).toMatchObject({ width: spec.width, height: spec.height, dpi: 300, hasAlpha: true });
    }
    // the art is really there: the tee print is not blank and its corners are transparent
    const tee = prints.find((f) => f.productType === "tee")!;
    const stats = await sharp((await storage().get(tee.storageKey))!).stats();
    expect(stats.channels[3].max).toBe(255);
    expect(stats.channels[3].min).toBe(0);

    const thumb = files.find((f) => f.kind === "THUMBNAIL")!;
    expect(thumb).toBeTruthy();
    const tmeta = await decoded(thumb.storageKey);
    expect(Math.max(tmeta.width!, tmeta.height!)).toBeLessThanOrEqual(600);
    expect(files.filter((f) => f.kind === "MASTER")).toHaveLength(1);

    const mockups = await db.mockup.findMany({ where: { designId: design.id } });
    expect(mockups.map((m) => m.productType).sort()).toEqual([...ALL].sort());
    for (const m of mockups) {
      const meta = await decoded(m.storageKey);
      expect(meta.width).toBeGreaterThanOrEqual(1000);
      expect(meta.width).toBeLessThanOrEqual(1200);
    }

    const listing = await db.listing.findUniqueOrThrow({ where: { designId: design.id } });
    expect(listing.title.length).toBeLessThanOrEqual(80);
    expect(listing.tags).toHaveLength(13);
    expect(new Set(listing.tags).size).toBe(13);
    expect(listing.bullets.length).toBeGreaterThanOrEqual(3);
    expect(listing.bullets.length).toBeLessThanOrEqual(5);
    expect(listing.priceCents).toBe(400); // the sticker is the cheapest included product

    expect((await db.idea.findUniqueOrThrow({ where: { id: idea.id } })).status).toBe("DESIGNED");
  });

  it("stores thumbnail, mockups and listing before any print file, and is DONE only once every print file is stored", async () => {
    const { design } = await makeDesign({ productTypes: ["tee", "mug"] });
    const state = async () => ({
      status: (await db.design.findUniqueOrThrow({ where: { id: design.id } })).status,
      thumbnails: await db.designFile.count({ where: { designId: design.id, kind: "THUMBNAIL" } }),
      mockups: await db.mockup.count({ where: { designId: design.id } }),
      listing: (await db.listing.count({ where: { designId: design.id } })) === 1,
      prints: await db.designFile.count({ where: { designId: design.id, kind: "PRINT" } }),
      printsInStorage: (await Promise.all((["tee", "mug"] as const).map((t) => storage().get(designKeys.print(design.id, t))))).filter(Boolean).length,
    });
    const first: Partial<Record<DesignStep, Awaited<ReturnType<typeof state>>>> = {};
    await runDesign(design.id, { onProgress: async (step) => void (first[step] ??= await state()) });

    // announced as soon as they exist, while not a single print file has been written
    expect(first["mockups ready"]).toEqual({ status: "RUNNING", thumbnails: 1, mockups: 2, listing: false, prints: 0, printsInStorage: 0 });
    expect(first["preview ready"]).toEqual({ status: "RUNNING", thumbnails: 1, mockups: 2, listing: true, prints: 0, printsInStorage: 0 });
    expect(first["print files"]).toEqual({ status: "RUNNING", thumbnails: 1, mockups: 2, listing: true, prints: 0, printsInStorage: 0 });
    expect(first.done).toEqual({ status: "DONE", thumbnails: 1, mockups: 2, listing: true, prints: 2, printsInStorage: 2 });
  });

  it("a run that dies during the print files leaves the design FAILED, out of every marketplace's reach but the storefront, and a re-run finishes it", async () => {
    const { design, idea } = await makeDesign({ productTypes: ["tee", "mug", "sticker"] });
    // The caller's progress handler throws once a print file is stored, as a lost worker would stop.
    const dying = (step: DesignStep, percent: number) => {
      if (step === "print files" && percent > 40) throw new Error("worker lost during the print files");
    };
    await expect(runDesign(design.id, { onProgress: dying })).rejects.toThrow(/worker lost/);

    const row = await db.design.findUniqueOrThrow({ where: { id: design.id } });
    expect(row.status).toBe("FAILED");
    expect(await db.mockup.count({ where: { designId: design.id } })).toBe(3);
    const prints = await db.designFile.count({ where: { designId: design.id, kind: "PRINT" } });
    expect(prints).toBeGreaterThan(0);
    expect(prints).toBeLessThan(3);
    expect((await db.idea.findUniqueOrThrow({ where: { id: idea.id } })).status).toBe("APPROVED");

    // Its listing exists (made before the print files): no marketplace can package it, and a
    // publication to one is refused before it is even claimed (left QUEUED for when they are made).
    const listing = await db.listing.findUniqueOrThrow({ where: { designId: design.id } });
    await expect(buildListingPackage(listing.id)).rejects.toThrow(/not finished \(failed\): its print files are not all made yet/);
    await expect(buildListingPackage(listing.id, "PRINTFUL")).rejects.toThrow(/not finished \(failed\)/);
    const printful = await db.publication.create({ data: { listingId: listing.id, marketplace: "PRINTFUL" } });
    await expect(runPublication(printful.id)).rejects.toMatchObject({ code: "PRECONDITION_FAILED", details: { deferred: true } });
    expect(await db.publication.findUniqueOrThrow({ where: { id: printful.id } })).toMatchObject({ status: "QUEUED", attempts: 0 });
    // The storefront may show its preview: mockups, none of the (partial) print files.
    const preview = await buildListingPackage(listing.id, "LOCAL");
    expect(preview.printFiles).toEqual([]);
    expect(preview.mockups.map((m) => m.productType)).toEqual(["mug", "sticker", "tee"]);

    const done = await runDesign(design.id);
    expect(done.status).toBe("DONE");
    expect(await db.designFile.count({ where: { designId: design.id, kind: "PRINT" } })).toBe(3);
    const pkg = await buildListingPackage(listing.id);
    expect(pkg.printFiles.map((f) => f.productType)).toEqual(["mug", "sticker", "tee"]);
    await expect(buildListingPackage(listing.id, "PRINTFUL")).resolves.toMatchObject({ printFiles: pkg.printFiles });
  });

  it("until the preview: stops QUEUED with mockups and copy but no print file; the print files run later without making the preview again", async () => {
    const { design } = await makeDesign({ productTypes: ["tee", "mug"] });
    const steps: string[] = [];
    const preview = await runDesign(design.id, { until: "preview", onProgress: (s) => void steps.push(s) });
    expect([...new Set(steps)]).toEqual(["rendering", "mockups", "mockups ready", "listing", "preview ready"]);
    expect(preview).toMatchObject({ status: "QUEUED", stage: "preview ready", progress: 40, attempts: 1, finishedAt: null });
    expect(preview.previewAt).toBeInstanceOf(Date);
    expect(await db.designFile.count({ where: { designId: design.id, kind: { in: ["PRINT", "MASTER"] } } })).toBe(0);
    expect(await db.mockup.count({ where: { designId: design.id } })).toBe(2);
    expect(await storage().exists(designKeys.source(design.id))).toBe(true);

    // Again (a commission re-run): returns at once.
    const again = await runDesign(design.id, { until: "preview" });
    expect(again.attempts).toBe(1);
    expect(again.updatedAt).toEqual(preview.updatedAt);

    const shown = async () => ({
      mockups: (await db.mockup.findMany({ where: { designId: design.id }, orderBy: { productType: "asc" } })).map((m) => `${m.productType}:${m.updatedAt.toISOString()}`),
      thumb: (await db.designFile.findFirstOrThrow({ where: { designId: design.id, kind: "THUMBNAIL" } })).updatedAt.toISOString(),
      listing: (await db.listing.findUniqueOrThrow({ where: { designId: design.id } })).updatedAt.toISOString(),
      mockupBytes: (await Promise.all((["mug", "tee"] as const).map((t) => storage().get(designKeys.mockup(design.id, t))))).map((b) => b!.toString("base64")),
    });
    const before = await shown();
    const rest: string[] = [];
    let waitedBeforeEachFile = 0;
    const done = await runDesign(design.id, { onProgress: (s) => void rest.push(s), beforePrintFile: async () => void waitedBeforeEachFile++ });
    expect(done).toMatchObject({ status: "DONE", attempts: 2, progress: 100 });
    expect([...new Set(rest)]).toEqual(["print files", "done"]);
    expect(waitedBeforeEachFile).toBe(3); // two print files and the master
    expect(await shown()).toEqual(before);
    expect(await db.designFile.count({ where: { designId: design.id, kind: "PRINT" } })).toBe(2);
    expect(await db.designFile.count({ where: { designId: design.id, kind: "MASTER" } })).toBe(1);
  });

  it("a run that dies after the mockups keeps them: the re-run reuses the stored art and renders only what is missing", async () => {
    const { design } = await makeDesign({ productTypes: ["tee", "sticker"] });
    await expect(
      runDesign(design.id, {
        until: "preview",
        onProgress: (step) => {
          if (step === "listing") throw new Error("worker lost before the listing copy");
        },
      }),
    ).rejects.toThrow(/worker lost/);
    const mid = await db.design.findUniqueOrThrow({ where: { id: design.id }, include: { mockups: true } });
    expect(mid).toMatchObject({ status: "FAILED", previewAt: null });
    expect(mid.mockups).toHaveLength(2);
    const stamps = mid.mockups.map((m) => `${m.productType}:${m.updatedAt.toISOString()}`).sort();

    const ready = await runDesign(design.id, { until: "preview" });
    expect(ready.status).toBe("QUEUED");
    expect(ready.previewAt).toBeInstanceOf(Date);
    const after = await db.mockup.findMany({ where: { designId: design.id } });
    expect(after.map((m) => `${m.productType}:${m.updatedAt.toISOString()}`).sort()).toEqual(stamps);
    expect(await db.listing.count({ where: { designId: design.id } })).toBe(1);
  });

  it("is a no-op when run again, and a forced re-run overwrites rows instead of duplicating them", async () => {
    const { design } = await makeDesign({ productTypes: ["mug"] });
    const first = await runDesign(design.id);
    const count = async () => ({
      files: await db.designFile.count({ where: { designId: design.id } }),
      mockups: await db.mockup.count({ where: { designId: design.id } }),
      listings: await db.listing.count({ where: { designId: design.id } }),
    });
    const before = await count();
    expect(before).toEqual({ files: 3, mockups: 1, listings: 1 });

    const again = await runDesign(design.id);
    expect(again.attempts).toBe(1);
    expect(again.updatedAt).toEqual(first.updatedAt);

    // a retry after a crash mid-way: the row is not DONE, the work runs again over the same rows
    await db.design.update({ where: { id: design.id }, data: { status: "QUEUED" } });
    const rerun = await runDesign(design.id);
    expect(rerun.attempts).toBe(2);
    expect(await count()).toEqual(before);
  });

  it("leaves a PUBLISHED idea alone and falls back to tee+sticker when the idea names no known product", async () => {
    const { design, idea } = await makeDesign({ productTypes: ["hoodie"], ideaStatus: "PUBLISHED" });
    await runDesign(design.id);
    const prints = await db.designFile.findMany({ where: { designId: design.id, kind: "PRINT" }, orderBy: { productType: "asc" } });
    expect(prints.map((p) => p.productType)).toEqual(["sticker", "tee"]);
    expect((await db.idea.findUniqueOrThrow({ where: { id: idea.id } })).status).toBe("PUBLISHED");
  });

  it("marks the design FAILED with the provider's error and rethrows", async () => {
    const saved = process.env.SDXL_URL;
    process.env.SDXL_URL = "http://127.0.0.1:9"; // nothing listens on the discard port
    resetEnvCache();
    try {
      const { design, idea } = await makeDesign({ provider: "sdxl" });
      await expect(runDesign(design.id)).rejects.toThrow(/SDXL server at http:\/\/127\.0\.0\.1:9 is unreachable/);
      const row = await db.design.findUniqueOrThrow({ where: { id: design.id } });
      expect(row.status).toBe("FAILED");
      expect(row.error).toMatch(/unreachable/);
      expect(row.attempts).toBe(1);
      expect(await db.designFile.count({ where: { designId: design.id } })).toBe(0);
      expect((await db.idea.findUniqueOrThrow({ where: { id: idea.id } })).status).toBe("APPROVED");
    } finally {
      if (saved === undefined) delete process.env.SDXL_URL;
      else process.env.SDXL_URL = saved;
      resetEnvCache();
    }
  });
});
