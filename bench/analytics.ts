/**
 * Analytics at scale: 10,000 published listings and 1,000,000 outcome events over 90 days.
 * Prints the event ingestion rate through the production path (recordOutcomes: one multi-row
 * INSERT … ON CONFLICT with the daily rollup and arm counts in the same statement) and the analytics
 * page's query time (getAnalytics: a fixed set of aggregate queries) for several filters.
 *   TEST_DB_PREFIX=… npx tsx bench/analytics.ts   (BENCH_EVENTS, BENCH_LISTINGS, BENCH_MEASURED to scale)
 */
import { benchDatabase, fmt, machine, summarize } from "./lib";

const LISTINGS = Number(process.env.BENCH_LISTINGS ?? 10_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const MEASURED = Math.min(EVENTS, Number(process.env.BENCH_MEASURED ?? 200_000)); // through recordOutcomes
const BATCH = 5_000;
const RUNS = 30;

async function main() {
  await benchDatabase("analytics");
  const { db, disconnectDb } = await import("../server/db");
  const { recordOutcomes } = await import("../server/services/outcomes/record-outcomes");
  const { getAnalytics } = await import("../server/services/analytics/get-analytics");
  const { seededRandom } = await import("../lib/random");
  const { closeQueues } = await import("../server/queues/connection");
  console.log(`machine: ${machine()}`);

  let t = performance.now();
  await db.$executeRawUnsafe(`INSERT INTO sources (id, key, kind, name, "updatedAt") VALUES ('bench-src', 'bench', 'LOCAL', 'bench', now())`);
  const communities = `(ARRAY[${Array.from({ length: 40 }, (_, i) => `'sub${i}'`).join(",")}])[(g % 40) + 1]`;
  await db.$executeRawUnsafe(`INSERT INTO signals (id, "sourceId", "externalId", "contentHash", community, title, "postedAt", keywords, raw, status, "createdAt", "updatedAt")
    SELECT 'sg' || g, 'bench-src', g::text, 'h' || g, ${communities}, 'bench', now(), '{}', '{}', 'IDEATED', now() - make_interval(days => g % 90, mins => 30 + g % 240), now() FROM generate_series(1, ${LISTINGS}) g`);
  await db.$executeRawUnsafe(`INSERT INTO ideas (id, "signalId", theme, title, "imagePrompt", "productTypes", "promptVersion", writer, status, "createdAt", "updatedAt")
    SELECT 'id' || g, 'sg' || g, 'theme ' || (g % 300), 'bench', 'x', '{tee}', 'b', 'b', 'PUBLISHED', now() - make_interval(days => g % 90), now() FROM generate_series(1, ${LISTINGS}) g`);
  await db.$executeRawUnsafe(`INSERT INTO designs (id, "ideaId", provider, status, progress, prompt, "finishedAt", "createdAt", "updatedAt")
    SELECT 'ds' || g, 'id' || g, 'local', CASE WHEN g % 40 = 0 THEN 'FAILED'::"WorkStatus" ELSE 'DONE'::"WorkStatus" END, 100, 'x', now() - make_interval(days => g % 90), now(), now() FROM generate_series(1, ${LISTINGS}) g`);
  await db.$executeRawUnsafe(`INSERT INTO listings (id, "designId", title, description, "priceCents", "createdAt", "updatedAt") SELECT 'ls' || g, 'ds' || g, 'bench', 'd', 2500, now(), now() FROM generate_series(1, ${LISTINGS}) g`);
  await db.$executeRawUnsafe(`INSERT INTO publications (id, "listingId", marketplace, status, "publishedAt", "createdAt", "updatedAt")
    SELECT 'pb' || g, 'ls' || g, 'LOCAL', 'PUBLISHED', now() - make_interval(days => g % 90), now(), now() FROM generate_series(1, ${LISTINGS}) g`);
  await db.$executeRawUnsafe(`INSERT INTO cost_entries (id, provider, operation, units, unit, "amountMicros", "ideaId", community, "occurredAt", "updatedAt")
    SELECT 'ce' || g, 'openai', 'images', 1, 'image', 42000, 'id' || ((g % ${LISTINGS}) + 1), ${communities}, now() - make_interval(days => g % 90), now() FROM generate_series(1, ${LISTINGS * 3}) g`);
  console.log(`seeded ${LISTINGS.toLocaleString()} listing chains and ${(LISTINGS * 3).toLocaleString()} cost rows in ${fmt((performance.now() - t) / 1000)} s`);

  // Ingestion through the production path.
  const rng = seededRandom(9);
  const make = (n: number) =>
    Array.from({ length: n }, () => {
      const g = 1 + Math.floor(rng() * LISTINGS);
      const purchase = rng() < 0.02;
      return { kind: purchase ? ("PURCHASE" as const) : ("VIEW" as const), source: "STOREFRONT" as const, listingId: `ls${g}`, occurredAt: new Date(Date.now() - Math.floor(rng() * 90) * 86_400_000), revenueCents: purchase ? 2500 : 0 };
    });
  let ingested = 0;
  t = performance.now();
  while (ingested < MEASURED) {
    const n = Math.min(BATCH, MEASURED - ingested);
    ingested += await recordOutcomes(make(n));
  }
  const secs = (performance.now() - t) / 1000;
  console.log(`ingestion (recordOutcomes, ${BATCH}-event batches, attribution + rollup in one statement): ${ingested.toLocaleString()} events in ${fmt(secs)} s = ${Math.round(ingested / secs).toLocaleString()} events/s (target ≥ 5,000/s)`);

  // The rest of the million in SQL (same rows, same rollup) so the query figures see full volume.
  const rest = EVENTS - ingested;
  if (rest > 0) {
    t = performance.now();
    await db.$executeRawUnsafe(`WITH ins AS (
        INSERT INTO outcome_events (kind, source, "occurredAt", "listingId", "designId", "ideaId", "signalId", community, theme, marketplace, quantity, "revenueCents")
        SELECT CASE WHEN random() < 0.02 THEN 'PURCHASE'::"OutcomeKind" ELSE 'VIEW'::"OutcomeKind" END, 'STOREFRONT', now() - make_interval(days => (random() * 89)::int),
               'ls' || k, 'ds' || k, 'id' || k, 'sg' || k, ${communities.replace(/g %/g, "k %")}, 'theme ' || (k % 300), CASE WHEN random() < 0.7 THEN 'LOCAL'::"Marketplace" ELSE 'ZAZZLE'::"Marketplace" END, 1, 0
        FROM (SELECT 1 + (random() * (${LISTINGS} - 1))::int AS k FROM generate_series(1, ${rest})) s
        RETURNING kind, "occurredAt", community, marketplace, quantity, "revenueCents")
      INSERT INTO outcome_daily (day, community, marketplace, kind, events, quantity, "revenueCents", "updatedAt")
      SELECT ("occurredAt" AT TIME ZONE 'UTC')::date, coalesce(community, ''), marketplace, kind, count(*), sum(quantity), sum(CASE WHEN kind = 'PURCHASE' THEN 2500 ELSE 0 END), now() FROM ins GROUP BY 1, 2, 3, 4
      ON CONFLICT (day, community, marketplace, kind) DO UPDATE SET events = outcome_daily.events + excluded.events, quantity = outcome_daily.quantity + excluded.quantity, "revenueCents" = outcome_daily."revenueCents" + excluded."revenueCents"`);
    await db.$executeRawUnsafe(`UPDATE outcome_events SET "revenueCents" = 2500 WHERE kind = 'PURCHASE' AND "revenueCents" = 0`);
    console.log(`bulk-loaded the other ${rest.toLocaleString()} events in SQL in ${fmt((performance.now() - t) / 1000)} s (not part of the ingestion figure)`);
  }
  await db.$executeRawUnsafe("ANALYZE");
  const [{ n }] = await db.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM outcome_events`;
  const [{ r }] = await db.$queryRaw<Array<{ r: bigint }>>`SELECT count(*) AS r FROM outcome_daily`;
  console.log(`outcome_events: ${Number(n).toLocaleString()} rows; outcome_daily rollup: ${Number(r).toLocaleString()} rows`);

  const filters: Array<[string, Parameters<typeof getAnalytics>[0]]> = [
    ["last 30 days, all", {}],
    ["last 90 days, all", { from: new Date(Date.now() - 89 * 86_400_000) }],
    ["last 30 days, one community", { community: "sub7" }],
    ["last 30 days, Zazzle", { marketplace: "ZAZZLE" }],
  ];
  let queries = 0;
  for (const [label, f] of filters) {
    await getAnalytics(f); // warm
    const ms: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now();
      await getAnalytics(f);
      ms.push(performance.now() - s);
    }
    const st = summarize(ms);
    console.log(`analytics page data, ${label}: p50 ${fmt(st.p50)} ms, p95 ${fmt(st.p95)} ms, max ${fmt(st.max)} ms over ${RUNS} loads (target p95 ≤ 300 ms)`);
    queries++;
  }
  console.log(`queries per page load: 9 aggregate statements + 1 for experiments, independent of data size (${queries} filter sets measured)`);
  await closeQueues();
  await disconnectDb();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
