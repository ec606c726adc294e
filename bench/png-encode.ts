// PNG encoding: size against time for the images a design stores, to choose sharp's PNG settings by
// measurement. The pixels are production's: the local procedural renderer's art (one design per
// layout), put through renderPrintFile / renderMockup / renderThumbnail / encodeMaster exactly as
// runDesign does, decoded back to the raw RGBA they were encoded from (PNG is lossless, so those are
// the very pixels the encoder saw). Each setting then encodes every image again; every result is
// decoded once and compared with the raw pixels, so a setting that is not lossless is reported.
// Usage: npx tsx bench/png-encode.ts [RUNS=3] [DESIGNS=3]   (median of RUNS per setting)
import sharp, { type PngOptions } from "sharp";
import { fmt, machine, summarize } from "./lib";

const RUNS = Number(process.argv[2] ?? 3);
const DESIGNS = Math.min(3, Number(process.argv[3] ?? 3));

type Img = { name: string; raw: Buffer; width: number; height: number; dpi: number };

/**
 * The grid: zlib level × row filtering (sharp's `effort` only applies to palette output). Level 0
 * is left out: a trial wrote 287 MB for one design's four print files (135× level 9) and was slower
 * than levels 1–6, since it writes every byte.
 */
const SETTINGS: PngOptions[] = [
  ...[1, 2, 3, 4, 5, 6, 9].map((compressionLevel) => ({ compressionLevel, adaptiveFiltering: false })),
  ...[2, 4, 6].map((compressionLevel) => ({ compressionLevel, adaptiveFiltering: true })),
];
/** Rates at which stored bytes are later moved (storage write, a print provider fetching the file). */
const RATES_MB_S = [2, 10, 50];
const WAS: PngOptions = { compressionLevel: 6, adaptiveFiltering: false };
const label = (o: PngOptions) => `level ${o.compressionLevel} ${o.adaptiveFiltering ? "adaptive" : "no filter"}`;

async function main() {
  const { LocalImageProvider, MASTER_SIZE, layoutFor } = await import("../server/providers/images/local");
  const { decodeImage, encodeMaster, renderPrintFile, renderThumbnail, PNG_SETTINGS } = await import("../server/services/design/print-files");
  const { renderMockup } = await import("../server/services/design/mockups");
  const { PRODUCT_SPECS, PRODUCT_TYPES } = await import("../server/services/design/products");

  const raw = async (png: Buffer, name: string, dpi: number): Promise<Img> => {
    const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    return { name, raw: data, width: info.width, height: info.height, dpi };
  };
  const prints: Img[] = [];
  const small: Img[] = [];
  const provider = new LocalImageProvider();
  const titles = ["A heron stealing lunch at the lake", "The tallest sunflower on our street", "Racing snails of the allotment"];
  for (let seed = 0; seed < DESIGNS; seed++) {
    const size = MASTER_SIZE.standard;
    const input = { prompt: "bold type", title: titles[seed], theme: "garden wildlife", seed, width: size, height: size, quality: "standard" as const };
    const image = await provider.generate(input);
    const master = await decodeImage(image.png);
    const art = { width: master.width, height: master.height, at: (w: number, h: number) => provider.renderAt({ ...input, palette: image.palette }, w, h) };
    const tag = `${layoutFor(seed)}`;
    for (const type of PRODUCT_TYPES) prints.push(await raw(await renderPrintFile(art, PRODUCT_SPECS[type]), `${tag}/print-${type}`, 300));
    small.push(await raw(await encodeMaster(master), `${tag}/master`, 300));
    small.push(await raw(await renderThumbnail(master), `${tag}/thumb`, 72));
    for (const type of PRODUCT_TYPES) small.push(await raw((await renderMockup(art, type)).png, `${tag}/mockup-${type}`, 72));
  }
  // Palette output (and with it `effort`) is only an option if it is lossless: at most 256 colours.
  const colours = new Set<number>();
  const tee = prints.find((p) => p.name.endsWith("print-tee"))!;
  for (let i = 0; i < tee.raw.length && colours.size <= 256; i += 4) colours.add(tee.raw.readUInt32LE(i));

  const encode = (img: Img, o: PngOptions) =>
    sharp(img.raw, { raw: { width: img.width, height: img.height, channels: 4 } }).withMetadata({ density: img.dpi }).png(o).toBuffer();
  type Measured = { ms: number; bytes: number; lossless: boolean };
  const measure = async (set: Img[], o: PngOptions): Promise<Measured> => {
    let bytes = 0;
    let lossless = true;
    const ms: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      let total = 0;
      for (const img of set) {
        const t = performance.now();
        const png = await encode(img, o);
        total += performance.now() - t;
        if (r > 0) continue;
        bytes += png.length;
        const back = await sharp(png).ensureAlpha().raw().toBuffer();
        if (!back.equals(img.raw)) lossless = false;
      }
      ms.push(total);
    }
    return { ms: summarize(ms).p50, bytes, lossless };
  };

  const mp = (set: Img[]) => set.reduce((s, i) => s + i.width * i.height, 0) / 1e6;
  console.log(`machine: ${machine()}, sharp ${sharp.versions.sharp} (libvips ${sharp.versions.vips}, zlib-ng ${sharp.versions["zlib-ng"] ?? "?"}), sharp.concurrency ${sharp.concurrency()}`);
  console.log(`${DESIGNS} local designs (${prints.map((p) => p.name.split("/")[0]).filter((v, i, a) => a.indexOf(v) === i).join(", ")}); median of ${RUNS} runs; encode only (pixels already raw), one image at a time`);
  console.log(`print files: ${prints.length} images, ${fmt(mp(prints), 1)} MP · small (master, thumb, mockups): ${small.length} images, ${fmt(mp(small), 1)} MP`);
  console.log(`palette: the tee print has ${colours.size > 256 ? "more than 256" : colours.size} colours → palette PNG ${colours.size > 256 ? "would be lossy; left out" : "is lossless"}`);
  const rows: Array<{ o: PngOptions; p: Measured; s: Measured }> = [];
  for (const o of SETTINGS) rows.push({ o, p: await measure(prints, o), s: await measure(small, o) });
  const base = rows.find((r) => r.o.compressionLevel === WAS.compressionLevel && !!r.o.adaptiveFiltering === !!WAS.adaptiveFiltering)!;
  const minP = Math.min(...rows.map((r) => r.p.bytes));
  const minS = Math.min(...rows.map((r) => r.s.bytes));
  const now = (o: PngOptions) => o.compressionLevel === PNG_SETTINGS.compressionLevel && !!o.adaptiveFiltering === !!PNG_SETTINGS.adaptiveFiltering;
  console.log(`${"setting".padEnd(26)} | print ms  ×was  | print MB  ×smallest | small ms  ×was | small KB  ×smallest | lossless`);
  for (const r of rows) {
    const mark = r === base ? " (was)" : now(r.o) ? " (now)" : "";
    console.log(
      `${(label(r.o) + mark).padEnd(26)} | ${fmt(r.p.ms, 0).padStart(7)}  ${fmt(r.p.ms / base.p.ms, 2)} | ${fmt(r.p.bytes / 2 ** 20, 1).padStart(7)}  ${fmt(r.p.bytes / minP, 2).padStart(5)}    | ${fmt(r.s.ms, 0).padStart(7)}  ${fmt(r.s.ms / base.s.ms, 2)} | ${fmt(r.s.bytes / 1024, 0).padStart(7)}  ${fmt(r.s.bytes / minS, 2).padStart(5)}    | ${r.p.lossless && r.s.lossless ? "yes" : "NO"}`,
    );
  }
  const ok = rows.filter((r) => r.p.lossless && r.s.lossless);
  const pick = (key: "p" | "s", min: number) => ok.filter((r) => r[key].bytes <= min * 1.15).sort((a, b) => a[key].ms - b[key].ms)[0];
  console.log(`rule A, the fastest within 15% of the smallest size → print files: ${label(pick("p", minP).o)} · small images: ${label(pick("s", minS).o)}`);
  for (const rate of RATES_MB_S) {
    const cost = (r: (typeof rows)[number], key: "p" | "s") => r[key].ms + (r[key].bytes / 2 ** 20 / rate) * 1000;
    const best = (key: "p" | "s") => [...ok].sort((a, b) => cost(a, key) - cost(b, key))[0];
    const show = (key: "p" | "s") => `${label(best(key).o)} (${fmt(cost(best(key), key), 0)} ms vs was ${fmt(cost(base, key), 0)} ms)`;
    console.log(`rule B, least encode time + bytes moved at ${rate} MB/s → print files: ${show("p")} · small images: ${show("s")}`);
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
