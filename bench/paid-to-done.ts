// Paid → done: N commissions (default 10) paid through the local test checkout (signed events over
// HTTP to the webhook on the production web server's node:http path), fulfilled by in-process BullMQ workers running the real processors.
// Prints paid→COMPLETED p50/p95 from the rows' paidAt/completedAt (the shopper's "done": the product
// page, made from the design's preview), then paid→print files (the design DONE, its finishedAt):
// the print files follow in low-priority design jobs, served here as in production.
// Usage: npx tsx bench/paid-to-done.ts [N=10]   (BENCH_TIER=silver|gold|…, default silver;
//        BENCH_ARRIVAL_MS=3000 pays one every 3 s instead of all at once;
//        BENCH_PROCESSES=2 runs the workers as 2 `workers/index.ts` processes with production's
//        per-queue concurrency, as `npm start` does with WORKER_CONCURRENCY, instead of in-process;
//        the design queue too, for the print files)
import { mkdtempSync, writeFileSync } from "node:fs";
import { spawn, type ChildProcess } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { benchDatabase, fmt, machine, peakRss, summarize, webhookServer } from "./lib";

const N = Number(process.argv[2] ?? process.env.BENCH_N ?? 10);
const TIER = process.env.BENCH_TIER ?? "silver";
// 0: all N paid at once (a burst: later ones wait in the queue). >0: one payment every ARRIVAL_MS.
const ARRIVAL_MS = Number(process.env.BENCH_ARRIVAL_MS ?? 0);
// 0: workers in this process (commission concurrency min(2, WORKER_JOB_CONCURRENCY)). N: N worker processes.
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 0);

/** Reddit listing files for N subreddits (the local Reddit provider reads them). */
function redditFixture() {
  const dir = mkdtempSync(join(tmpdir(), "merchloop-bench-reddit-"));
  const now = Math.floor(Date.now() / 1000);
  const topics = ["a heron stealing lunch", "the tallest sunflower on the street", "a cat that learned to open doors", "snow on the allotment", "a giant pumpkin", "the bakery's sourdough starter", "a lighthouse at dawn", "racing snails", "a library cat's favourite shelf", "a kite festival"];
  for (let i = 0; i < N; i++) {
    const sub = `benchsub${i}`;
    const children = [0, 1, 2].map((j) => ({
      kind: "t3",
      data: { id: `b${i}x${j}`, subreddit: sub, title: `Today I saw ${topics[(i + j) % topics.length]} (${i}.${j})`, selftext: "", permalink: `/r/${sub}/comments/b${i}x${j}/t/`, author: "bench", score: 500 - j * 10, num_comments: 5, created_utc: now - 600 * (j + 1), over_18: false, stickied: false },
    }));
    writeFileSync(join(dir, `${sub}.json`), JSON.stringify({ kind: "Listing", data: { children, after: null, before: null } }));
  }
  return dir;
}

async function main() {
  await benchDatabase("paid");
  process.env.REDDIT_LOCAL_DIR = redditFixture();
  const { db, disconnectDb } = await import("../server/db");
  const { closeQueues, createRedis, queue, queuePrefix } = await import("../server/queues/connection");
  const { seedTiers } = await import("../server/services/commissions/seed-tiers");
  const { createCommission } = await import("../server/services/commissions/create-commission");
  const { payLocalCheckout } = await import("../server/services/payments/local-checkout");
  const { Worker } = await import("bullmq");
  const { tracked } = await import("../workers/tracked");
  const { processors } = await import("../workers/processors");
  const { env } = await import("../server/env");

  await seedTiers();
  const server = await webhookServer();
  const webhookUrl = server.url;

  const base = env().WORKER_JOB_CONCURRENCY;
  const served = ["payment", "commission", "refund", "design"] as const;
  const inProcessConcurrency = (q: (typeof served)[number]) => (q === "commission" ? Math.min(2, base) : q === "design" ? 1 : base);
  const workers = PROCESSES
    ? []
    : served.map((q) => new Worker(q, tracked(q, processors[q] as never), { connection: createRedis(), prefix: queuePrefix(), concurrency: inProcessConcurrency(q), lockDuration: 60_000 }));
  const children: ChildProcess[] = [];
  for (let i = 0; i < PROCESSES; i++) {
    const tsx = join(__dirname, "..", "node_modules/.bin/tsx");
    children.push(spawn(tsx, [join(__dirname, "..", "workers/index.ts")], { env: { ...process.env, WORKER_QUEUES: served.join(",") }, stdio: ["ignore", "ignore", "inherit"] }));
  }
  if (PROCESSES) {
    // BullMQ names each worker's connection: wait until every process listens on the commission queue.
    while ((await queue("commission").getWorkersCount()) < PROCESSES) await new Promise((r) => setTimeout(r, 200));
  }
  const commissionConcurrency = PROCESSES ? `as in workers/index.ts (WORKER_JOB_CONCURRENCY=${base}) in each of ${PROCESSES} processes` : String(Math.min(2, base));
  const rss = peakRss();
  const started = performance.now();
  const ids: string[] = [];
  for (let i = 0; i < N; i++) {
    const c = await createCommission({ tier: TIER, type: "SUBREDDIT", subreddit: `benchsub${i}` });
    const p = await db.payment.findFirstOrThrow({ where: { commissionId: c.id } });
    await payLocalCheckout(p.checkoutSessionId, { webhookUrl });
    ids.push(c.id);
    if (ARRIVAL_MS > 0 && i < N - 1) await new Promise((r) => setTimeout(r, ARRIVAL_MS));
  }
  const final = ["COMPLETED", "REFUNDED"] as const;
  for (;;) {
    const done = await db.commission.count({ where: { id: { in: ids }, status: { in: [...final] } } });
    if (done === N) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const wall = (performance.now() - started) / 1000;
  const rows = await db.commission.findMany({ where: { id: { in: ids } }, select: { status: true, paidAt: true, completedAt: true, productId: true, ideaId: true } });
  const completed = rows.filter((r) => r.status === "COMPLETED");
  const s = summarize(completed.map((r) => r.completedAt!.getTime() - r.paidAt!.getTime()));
  const products = new Set(completed.map((r) => r.productId)).size;
  // Then the print files: every completed commission's design DONE (or FAILED).
  const ideaIds = completed.map((r) => r.ideaId!);
  for (;;) {
    const open = await db.design.count({ where: { ideaId: { in: ideaIds }, status: { notIn: ["DONE", "FAILED"] } } });
    if (open === 0) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const wallPrints = (performance.now() - started) / 1000;
  const designs = await db.design.findMany({ where: { ideaId: { in: ideaIds } }, select: { ideaId: true, status: true, finishedAt: true } });
  const paidAt = new Map(completed.map((r) => [r.ideaId!, r.paidAt!.getTime()]));
  const doneDesigns = designs.filter((d) => d.status === "DONE");
  const p = summarize(doneDesigns.map((d) => d.finishedAt!.getTime() - paidAt.get(d.ideaId)!));

  console.log(`machine: ${machine()}`);
  console.log(`tier ${TIER}: ${N} commissions ${ARRIVAL_MS ? `paid one every ${ARRIVAL_MS} ms` : "paid at once (burst)"}, commission worker concurrency ${commissionConcurrency}, wall ${fmt(wall, 1)} s, peak RSS ${rss.stop()} MiB${PROCESSES ? " (bench process only)" : ""}`);
  console.log(`paid→completed: p50 ${fmt(s.p50 / 1000, 2)} s · p95 ${fmt(s.p95 / 1000, 2)} s · max ${fmt(s.max / 1000, 2)} s`);
  console.log(`paid→print files (design DONE): p50 ${fmt(p.p50 / 1000, 2)} s · p95 ${fmt(p.p95 / 1000, 2)} s · max ${fmt(p.max / 1000, 2)} s · wall ${fmt(wallPrints, 1)} s · failed designs ${designs.length - doneDesigns.length}`);
  // Each design runs twice (its preview in the commission job, its print files in a design job):
  // more attempts than that means work was redone (a stalled job re-run, a retry).
  const attempts = await db.design.aggregate({ where: { idea: { commissions: { some: { id: { in: ids } } } } }, _count: true, _sum: { attempts: true } });
  console.log(`outcome: completed=${completed.length} refunded=${rows.length - completed.length} distinct products=${products} designs=${attempts._count} design runs=${attempts._sum.attempts ?? 0} (2 per design: preview + print files)`);

  server.close();
  await Promise.all(workers.map((w) => w.close()));
  await Promise.all(children.map((c) => new Promise((r) => (c.once("exit", r), c.kill("SIGTERM")))));
  // Worker processes also set up the cron schedulers: clear every queue under this run's prefix.
  const { queueNames } = await import("../server/queues/contracts");
  for (const q of queueNames) await queue(q).obliterate({ force: true }).catch(() => undefined);
  await closeQueues();
  await disconnectDb();
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
