// Ingest + score throughput: N synthetic Reddit posts (Listing JSON files) → runIngest → scoreNewSignals,
// the same service functions the ingest and score processors call, one after the other as the workers
// run them (ingest enqueues scoring when it finishes; each queue runs one job at a time). Prints the
// end-to-end figure beside its parts, the Node CPU each part used (wall figures on a shared machine
// depend on its load; CPU seconds much less so), and a re-run of the same files (all repeats).
// Usage: npx tsx bench/ingest-score.ts [N=20000]
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
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

const load = () => loadavg().map((x) => x.toFixed(2)).join(" ");

/** Wall ms and this process's CPU seconds (user + system) spent in `fn`. */
async function timed<T>(fn: () => Promise<T>) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { value, ms, cpu: (c.user + c.system) / 1e6 };
}

async function main() {
  await benchDatabase("ingest_score");
  const { runIngest } = await import("../server/services/ingest/run-ingest");
  const { scoreNewSignals } = await import("../server/services/scoring/score-signals");
  const { seedScoringWeights } = await import("../server/services/scoring/seed-weights");
  const { db, disconnectDb } = await import("../server/db");
  const { closeQueues, queuePrefix, redis } = await import("../server/queues/connection");

  const dir = mkdtempSync(join(tmpdir(), "merchloop-bench-listings-"));
  writeListings(dir);
  await seedScoringWeights();
  console.log(`machine: ${machine()}`);
  console.log(`load average (1, 5, 15 min) at start: ${load()}`);
  console.log(`posts: ${N} in ${Math.ceil(N / PER_FILE)} listing files`);

  const rss = peakRss();
  const ingest = await timed(() => runIngest({ sourceKey: "reddit", from: dir }));
  const score = await timed(() => scoreNewSignals());
  const peak = rss.stop();

  const perMin = (n: number, ms: number) => (n / ms) * 60_000;
  const i = ingest.value;
  const rejected = Object.values(i.rejected).reduce((a, b) => a + b, 0);
  console.log(`ingest:   ${i.new} new, ${i.updated} updated, ${rejected} rejected in ${fmt(ingest.ms / 1000, 2)} s (Node CPU ${fmt(ingest.cpu, 2)} s) → ${fmt(perMin(i.read, ingest.ms), 0)} signals/min`);
  console.log(`score:    ${score.value.scored} scored, ${score.value.ideaIds.length} ideas in ${fmt(score.ms / 1000, 2)} s (Node CPU ${fmt(score.cpu, 2)} s) → ${fmt(perMin(score.value.scored, score.ms), 0)} signals/min (embeddings stored)`);
  console.log(
    `combined: ${fmt(perMin(i.read, ingest.ms + score.ms), 0)} signals/min end to end, ingest then score ` +
      `(ingest ${fmt(perMin(i.read, ingest.ms), 0)}/min | score ${fmt(perMin(score.value.scored, score.ms), 0)}/min)`,
  );
  console.log(`peak RSS: ${peak} MiB`);

  // The same files again: every post is a repeat, so nothing may be added (idempotency).
  const again = await timed(() => runIngest({ sourceKey: "reddit", from: dir }));
  const a = again.value;
  console.log(`re-run:   ${a.new} new, ${a.updated} updated in ${fmt(again.ms / 1000, 2)} s (Node CPU ${fmt(again.cpu, 2)} s) → ${fmt(perMin(a.read, again.ms), 0)} signals/min${a.new ? "  ← NOT IDEMPOTENT" : ""}`);

  // Same signals again without storing Signal.embedding, to see what storing costs.
  await db.$executeRaw`delete from ideas`;
  await db.$executeRaw`delete from score_breakdowns`;
  await db.$executeRaw`update signals set status = 'NEW'::"SignalStatus", embedding = '{}' where status in ('SCORED', 'IDEATED')`;
  const bare = await timed(() => scoreNewSignals({ storeEmbeddings: false }));
  console.log(`score without storing embeddings: ${bare.value.scored} in ${fmt(bare.ms / 1000, 2)} s (Node CPU ${fmt(bare.cpu, 2)} s) → ${fmt(perMin(bare.value.scored, bare.ms), 0)} signals/min`);
  console.log(`load average at end: ${load()}`);

  rmSync(dir, { recursive: true, force: true });
  // This run's Redis keys (the Bloom filter is ~1.2 MB, the score queue's jobs) go with it.
  let cursor = "0";
  do {
    const [next, keys] = await redis().scan(cursor, "MATCH", `${queuePrefix()}:*`, "COUNT", 1000);
    if (keys.length) await redis().del(...keys);
    cursor = next;
  } while (cursor !== "0");
  await closeQueues();
  await disconnectDb();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
