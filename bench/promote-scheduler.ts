// Promoters' scheduler throughput: 10,000 queued posts across 500 local-outbox accounts (10 brands),
// every post delivered TWICE (two jobs each, as a redelivery after a crash would), sent by real BullMQ
// workers through sendPost — claim, Redis post budgets, provider, audit. Each account may post 15
// per hour, so 5 of its 20 posts must be rescheduled. Prints posts/s beside a yardstick (the same
// number of jobs through BullMQ with a no-op processor) and checks: limits held, 0 duplicates.
import { benchDatabase, fmt, machine } from "./lib";

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 500);
const POSTS = Number(process.env.BENCH_POSTS ?? 10_000);
const BRANDS = 10;
const PER_ACCOUNT_HOUR = 15;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);

async function main() {
  await benchDatabase("promote");
  const { db, disconnectDb } = await import("../server/db");
  const { closeQueues, createRedis, queue, queuePrefix } = await import("../server/queues/connection");
  const { Worker } = await import("bullmq");
  const { sendPost } = await import("../server/services/promote/send-post");

  const t0 = Date.now();
  const brands = await Promise.all(Array.from({ length: BRANDS }, (_, i) => db.brand.create({ data: { name: `Bench brand ${i}`, postsPerHour: 100_000 } })));
  await db.socialAccount.createMany({
    data: Array.from({ length: ACCOUNTS }, (_, i) => ({ brandId: brands[i % BRANDS].id, platform: "OUTBOX" as const, handle: `bench-${i}`, trackingCode: `tc${i}`, minIntervalMinutes: 0, postsPerHour: PER_ACCOUNT_HOUR })),
  });
  const accounts = await db.socialAccount.findMany({ select: { id: true } });
  const now = new Date();
  for (let i = 0; i < POSTS; i += 2000) {
    await db.promoPost.createMany({
      data: Array.from({ length: Math.min(2000, POSTS - i) }, (_, j) => {
        const n = i + j;
        const a = accounts[n % accounts.length].id;
        return { accountId: a, kind: "PRODUCT" as const, dedupeKey: `${a}:product-${n}:PRODUCT`, status: "SCHEDULED" as const, scheduledAt: now, body: `Bench post ${n} https://shop.test/p/${n}?tc=x`, link: `https://shop.test/p/${n}?tc=x`, writer: "template" };
      }),
    });
  }
  const postIds = (await db.promoPost.findMany({ select: { id: true } })).map((p) => p.id);
  console.log(`setup: ${BRANDS} brands, ${ACCOUNTS} accounts, ${postIds.length} scheduled posts in ${Date.now() - t0} ms`);

  // Yardstick: the same number of jobs through BullMQ with a processor that does nothing.
  const bare = new Worker("benchNoop", async () => undefined, { connection: createRedis(), prefix: queuePrefix(), concurrency: CONCURRENCY });
  const bareQ = new (await import("bullmq")).Queue("benchNoop", { connection: createRedis(), prefix: queuePrefix() });
  let bareDone = 0;
  bare.on("completed", () => bareDone++);
  console.error("yardstick: no-op BullMQ jobs…");
  const b0 = Date.now();
  for (let i = 0; i < postIds.length * 2; i += 1000) await bareQ.addBulk(Array.from({ length: Math.min(1000, postIds.length * 2 - i) }, (_, j) => ({ name: "noop", data: { i: i + j }, opts: { removeOnComplete: true } })));
  while (bareDone < postIds.length * 2) await new Promise((r) => setTimeout(r, 50));
  const bareMs = Date.now() - b0;
  await bare.close();
  await bareQ.obliterate({ force: true });
  await bareQ.close();

  // The real thing: two workers (separate connections), every post enqueued twice.
  const outcomes = new Map<string, number>();
  const mk = () =>
    new Worker("socialPost", async (job) => {
      const o = await sendPost(job.data.postId);
      outcomes.set(o, (outcomes.get(o) ?? 0) + 1);
    }, { connection: createRedis(), prefix: queuePrefix(), concurrency: CONCURRENCY / 2 });
  const workers = [mk(), mk()];
  let done = 0;
  let failed = 0;
  for (const w of workers) {
    w.on("completed", () => done++);
    w.on("failed", () => failed++);
  }
  const q = queue("socialPost");
  const s0 = Date.now();
  const jobs = postIds.flatMap((id) => [{ name: "socialPost", data: { postId: id }, opts: { jobId: `${id}-a`, removeOnComplete: true } }, { name: "socialPost", data: { postId: id }, opts: { jobId: `${id}-b`, removeOnComplete: true } }]);
  jobs.sort(() => Math.random() - 0.5);
  for (let i = 0; i < jobs.length; i += 1000) await q.addBulk(jobs.slice(i, i + 1000));
  let lastLog = Date.now();
  while (done + failed < jobs.length) {
    await new Promise((r) => setTimeout(r, 100));
    if (Date.now() - lastLog > 10_000) {
      lastLog = Date.now();
      console.error(`  ${done + failed}/${jobs.length} jobs settled, ${fmt((done + failed) / ((Date.now() - s0) / 1000), 0)} jobs/s so far`);
    }
  }
  const ms = Date.now() - s0;
  await Promise.all(workers.map((w) => w.close()));

  const byStatus = Object.fromEntries((await db.promoPost.groupBy({ by: ["status"], _count: { _all: true } })).map((g) => [g.status, g._count._all]));
  const perAccount = await db.promoPost.groupBy({ by: ["accountId"], where: { status: "POSTED" }, _count: { _all: true } });
  const maxPerAccount = Math.max(...perAccount.map((p) => p._count._all));
  const outboxRows = await db.outboxPost.count();
  const [{ dupes }] = await db.$queryRaw<Array<{ dupes: bigint }>>`select count(*) - count(distinct "externalId") as dupes from promo_posts where status = 'POSTED'`;
  const rescheduledLater = await db.promoPost.count({ where: { status: "SCHEDULED", scheduledAt: { gt: new Date() } } });
  await q.obliterate({ force: true });

  console.log(`machine: ${machine()}`);
  console.log(`jobs: ${jobs.length} (${postIds.length} posts × 2 deliveries), concurrency ${CONCURRENCY} over 2 workers, ${failed} failed jobs`);
  console.log(`scheduler: ${fmt(jobs.length / (ms / 1000), 0)} jobs/s, ${fmt(((byStatus.POSTED ?? 0) + rescheduledLater) / (ms / 1000), 0)} posts settled/s (${ms} ms)`);
  console.log(`yardstick: bare BullMQ no-op ${fmt((postIds.length * 2) / (bareMs / 1000), 0)} jobs/s (${bareMs} ms) — the difference is the claim, budgets, outbox write and audit rows`);
  console.log(`outcomes: ${[...outcomes].map(([k, v]) => `${k} ${v}`).join(", ")}`);
  console.log(`posted ${byStatus.POSTED ?? 0}, rescheduled to the next budget window ${rescheduledLater}, other ${JSON.stringify(byStatus)}`);
  console.log(`limits: max posted by one account ${maxPerAccount} (limit ${PER_ACCOUNT_HOUR}/h) — ${maxPerAccount <= PER_ACCOUNT_HOUR ? "held" : "EXCEEDED"}`);
  console.log(`duplicates: ${Number(dupes)} (outbox rows ${outboxRows} = posted ${byStatus.POSTED ?? 0}: ${outboxRows === (byStatus.POSTED ?? 0) ? "yes" : "NO"})`);
  await closeQueues();
  await disconnectDb();
  process.exit(maxPerAccount <= PER_ACCOUNT_HOUR && Number(dupes) === 0 && outboxRows === (byStatus.POSTED ?? 0) ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
