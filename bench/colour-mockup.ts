// The product page's mockup in the chosen colour: what rendering it costs (the design pipeline's
// mockup code on a recoloured template) against the stored white mockup, and what a cached read
// costs. The product page renders each colour once per design, stores it, and reads it afterwards.
// Usage: npx tsx bench/colour-mockup.ts [N=10]
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fmt, machine, summarize } from "./lib";

const N = Number(process.argv[2] ?? 10);

async function main() {
  process.env.DATA_DIR = mkdtempSync(join(tmpdir(), "merchloop-bench-mockup-"));
  process.env.DATABASE_URL ??= "postgresql://unused/unused";
  process.env.REDIS_URL ??= "redis://127.0.0.1:6379";
  const { renderMockup } = await import("../server/services/design/mockups");
  const { rasterArt } = await import("../server/services/design/print-files");
  const { storage } = await import("../server/providers/storage");
  // 2048² art: a radial gradient with alpha (the size of a standard local master).
  const size = 2048;
  const data = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    const i = (y * size + x) * 4, d = Math.hypot(x - size / 2, y - size / 2) / (size / 2);
    data[i] = 200 * (1 - d) + 40; data[i + 1] = 90; data[i + 2] = 160 * d; data[i + 3] = d < 1 ? 255 : 0;
  }
  const art = rasterArt({ data, width: size, height: size });
  await renderMockup(art, "tee"); // warm caches (template reads, libvips)
  const time = async (fn: () => Promise<unknown>) => {
    const ms: number[] = [];
    for (let i = 0; i < N; i++) {
      const t = performance.now();
      await fn();
      ms.push(performance.now() - t);
    }
    return summarize(ms);
  };
  const white = await time(() => renderMockup(art, "tee"));
  const black = await time(() => renderMockup(art, "tee", { colourHex: "#1f1f22" }));
  const png = (await renderMockup(art, "tee", { colourHex: "#26314f" })).png;
  await storage().put("bench/mockup-tee-navy.png", png, "image/png");
  const cached = await time(() => storage().get("bench/mockup-tee-navy.png"));
  console.log(`machine: ${machine()}`);
  console.log(`tee mockup 1200², art ${size}², ${N} runs each:`);
  console.log(`  render, template colour (what the design pipeline stores): p50 ${fmt(white.p50, 0)} ms · p95 ${fmt(white.p95, 0)} ms`);
  console.log(`  render, recoloured garment (first request for a colour):    p50 ${fmt(black.p50, 0)} ms · p95 ${fmt(black.p95, 0)} ms`);
  console.log(`  read the stored colour mockup (every later request):         p50 ${fmt(cached.p50, 1)} ms · p95 ${fmt(cached.p95, 1)} ms  (${Math.round(png.length / 1024)} KiB)`);
}

main().then(() => process.exit(0), (e) => {
  console.error(e);
  process.exit(1);
});
