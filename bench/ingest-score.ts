// Ingest + score throughput: N synthetic Reddit posts (Listing JSON files) → runIngest → scoreNewSignals.
// Usage: npx tsx bench/ingest-score.ts [N=20000]
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { benchDatabase, fmt, machine, peakRss } from "./lib";

const N = Number(process.argv[2] ?? process.env.BENCH_N ?? 20_000);
const PER_FILE = 500;

const SUBS = ["cats", "coffee", "gardening", "boardgames", "puns", "space", "cooking", "mechanicalkeyboards", "houseplants", "running", "books", "woodworking", "photography", "cycling", "baking", "hiking", "astronomy", "knitting", "synthesizers", "aquariums"];
const NOUNS = ["keyboard", "sourdough", "monstera", "espresso", "telescope", "kitten", "meeple", "pun", "trail", "sweater", "synth", "guppy", "bike", "lens", "bookshelf", "cabinet", "pumpkin", "snowman", "lantern", "teapot", "comet", "fern", "marathon", "waffle"];
const ADJ = ["tiny", "cozy", "vintage", "homemade", "first", "giant", "rainy-day", "midnight", "wobbly", "perfect", "ridiculous", "spooky", "festive", "sunny"];
const VERBS = ["finished", "built", "found", "adopted", "baked", "restored", "painted", "spotted", "named", "rescued", "planted", "knitted"];

function rand(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function writeListings(dir: string) {
  const r = rand(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const nowS = Math.floor(Date.now() / 1000);
  for (let f = 0; f * PER_FILE < N; f++) {
    const children = [];
    for (let i = f * PER_FILE; i < Math.min(N, (f + 1) * PER_FILE); i++) {
      const sub = SUBS[i % SUBS.length];
      const id = `b${i.toString(36)}`;
      const title = `I ${pick(VERBS)} a ${pick(ADJ)} ${pick(NOUNS)} and my ${pick(NOUNS)} is ${pick(ADJ)} (${i})`;
      const score = Math.floor(Math.exp(r() * 9));
      children.push({
        kind: "t3",
        data: {
          id, subreddit: sub, title, selftext: r() < 0.4 ? `Took me ${1 + Math.floor(r() * 30)} days. The ${pick(NOUNS)} helped a lot.` : "",
          url: `https://www.reddit.com/r/${sub}/comments/${id}/`, permalink: `/r/${sub}/comments/${id}/`, author: `user${i % 997}`,
          score, num_comments: Math.floor(score * r() * 0.3), created_utc: nowS - Math.floor(r() * 48 * 3600),
          over_18: false, stickied: false, removed_by_category: null,
        },
      });
    }
    writeFileSync(join(dir, `bench-${String(f).padStart(4, "0")}.json`), JSON.stringify({ kind: "Listing", data: { after: null, children } }));
  }
}

async function main() {
  await benchDatabase("ingest_score");
  const { runIngest } = await import("../server/services/ingest/run-ingest");
  const { scoreNewSignals } = await import("../server/services/scoring/score-signals");
  const { seedScoringWeights } = await import("../server/services/scoring/seed-weights");
  const { db, disconnectDb } = await import("../server/db");
  const { closeQueues } = await import("../server/queues/connection");

  const dir = mkdtempSync(join(tmpdir(), "merchloop-bench-listings-"));
  writeListings(dir);
  await seedScoringWeights();
  console.log(`machine: ${machine()}`);
  console.log(`posts: ${N} in ${Math.ceil(N / PER_FILE)} listing files`);

  const rss = peakRss();
  const t0 = performance.now();
  const ingest = await runIngest({ sourceKey: "reddit", from: dir });
  const t1 = performance.now();
  const scored = await scoreNewSignals();
  const t2 = performance.now();
  const peak = rss.stop();

  const perMin = (n: number, ms: number) => (n / ms) * 60_000;
  const rejected = Object.values(ingest.rejected).reduce((a, b) => a + b, 0);
  console.log(`ingest:   ${ingest.new} new, ${ingest.updated} updated, ${rejected} rejected in ${fmt((t1 - t0) / 1000, 2)} s → ${fmt(perMin(ingest.read, t1 - t0), 0)} signals/min`);
  console.log(`score:    ${scored.scored} scored, ${scored.ideaIds.length} ideas in ${fmt((t2 - t1) / 1000, 2)} s → ${fmt(perMin(scored.scored, t2 - t1), 0)} signals/min (embeddings stored)`);
  console.log(`combined: ${fmt(perMin(ingest.read, t2 - t0), 0)} signals/min`);
  console.log(`peak RSS: ${peak} MiB`);

  // Same signals again without storing Signal.embedding, to see what storing costs.
  await db.$executeRaw`delete from ideas`;
  await db.$executeRaw`delete from score_breakdowns`;
  await db.$executeRaw`update signals set status = 'NEW'::"SignalStatus", embedding = '{}' where status in ('SCORED', 'IDEATED')`;
  const t3 = performance.now();
  const again = await scoreNewSignals({ storeEmbeddings: false });
  const t4 = performance.now();
  console.log(`score without storing embeddings: ${again.scored} in ${fmt((t4 - t3) / 1000, 2)} s → ${fmt(perMin(again.scored, t4 - t3), 0)} signals/min`);

  rmSync(dir, { recursive: true, force: true });
  await closeQueues();
  await disconnectDb();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
