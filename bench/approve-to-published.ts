// Approve → published latency per idea with local providers: runDesign (art, 4 print files,
// thumbnail, 4 mockups, listing) + queuePublications + runPublication for the LOCAL storefront.
// Usage: npx tsx bench/approve-to-published.ts [N=10]
import { benchDatabase, fmt, machine, peakRss, summarize } from "./lib";

const THEMES: Array<[string, string]> = [
  ["Debug Mode Activated", "programmer humor"],
  ["I Paused My Game To Be Here", "gaming"],
  ["Powered By Coffee And Spite", "coffee lovers"],
  ["Trail Legs Engaged", "hiking"],
  ["Houseplant Whisperer", "plant parents"],
  ["Send Noods Not Nudes", "ramen"],
  ["Ask Me About My Cat", "cat people"],
  ["Surf Now Work Later", "surfing"],
  ["Retired From Adulting", "wholesome memes"],
  ["Main Character Energy", "pop culture"],
];

async function main() {
  const n = Number(process.argv[2] ?? 10);
  await benchDatabase("approve_published");
  const { db, disconnectDb } = await import("../server/db");
  const { closeQueues } = await import("../server/queues/connection");
  const { runDesign } = await import("../server/services/design/run-design");
  const pub = await import("../server/services/publishing/queue-publications").catch(() => null);
  const run = await import("../server/services/publishing/run-publication").catch(() => null);

  const source = await db.source.create({ data: { key: "bench", kind: "LOCAL", name: "Bench" } });
  const designs: string[] = [];
  for (let i = 0; i < n; i++) {
    const [title, theme] = THEMES[i % THEMES.length];
    const signal = await db.signal.create({
      data: { sourceId: source.id, externalId: `b${i}`, contentHash: `bench-${i}`, community: theme.split(" ")[0], title, postedAt: new Date(), keywords: theme.split(" "), raw: {} },
    });
    const idea = await db.idea.create({
      data: { signalId: signal.id, theme, title, imagePrompt: title, productTypes: ["tee", "poster", "mug", "sticker"], promptVersion: "bench", writer: "local", status: "APPROVED" },
    });
    const design = await db.design.create({ data: { ideaId: idea.id, provider: "local", prompt: title, quality: "standard" } });
    designs.push(design.id);
  }

  const rss = peakRss();
  const total: number[] = [];
  const designMs: number[] = [];
  let published = 0;
  for (const id of designs) {
    const t0 = performance.now();
    await runDesign(id);
    const t1 = performance.now();
    if (pub && run) {
      const listing = await db.listing.findUniqueOrThrow({ where: { designId: id } });
      const pubs = await pub.queuePublications({ listingId: listing.id, enqueue: false });
      const local = pubs.find((p) => p.marketplace === "LOCAL");
      if (local && (await run.runPublication(local.id)).status === "PUBLISHED") published++;
    }
    const t2 = performance.now();
    designMs.push(t1 - t0);
    total.push(t2 - t0);
    process.stdout.write(`  idea ${total.length}/${n}: design ${fmt(t1 - t0, 0)} ms, total ${fmt(t2 - t0, 0)} ms\n`);
  }
  const peak = rss.stop();
  const s = summarize(total);
  const d = summarize(designMs);
  console.log(`\napprove → published (local providers, 4 product types) on ${machine()}`);
  console.log(`  ideas: ${n}, published to the storefront: ${pub && run ? published : "n/a (publishing services missing)"}`);
  console.log(`  runDesign      p50 ${fmt(d.p50, 0)} ms  p95 ${fmt(d.p95, 0)} ms  max ${fmt(d.max, 0)} ms`);
  console.log(`  end to end     p50 ${fmt(s.p50, 0)} ms  p95 ${fmt(s.p95, 0)} ms  max ${fmt(s.max, 0)} ms  (target p95 ≤ 8000 ms)`);
  console.log(`  peak RSS ${peak} MiB`);
  console.log(`  files in ${process.env.DATA_DIR}/files/designs/${designs[0]}`);
  await closeQueues();
  await disconnectDb();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
