/**
 * Storefront gallery benchmark: 10,000 published products with donations, then 5,000 gallery page
 * requests with 50 in flight against a tiny node:http server that renders listProducts() as JSON
 * (the same service the storefront page calls). Prints latency percentiles, throughput, SQL
 * statements per page and peak RSS. Figures only, no assertions.
 *
 *   npx tsx bench/gallery.ts
 *   BENCH_URL=http://localhost:3000 npx tsx bench/gallery.ts   # hit a running `next start` (/ and /shop/N, as the storefront links them) instead
 *
 * Knobs: BENCH_PRODUCTS (10000), BENCH_REQUESTS (5000), BENCH_CONCURRENCY (50), BENCH_PAGE_SIZE (24).
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { benchDatabase, fmt, machine, peakRss, summarize } from "./lib";

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 10_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 5_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const PAGE_SIZE = Number(process.env.BENCH_PAGE_SIZE ?? 24);

async function main() {
  const external = process.env.BENCH_URL?.replace(/\/$/, "");
  console.log(`machine: ${machine()}`);
  console.log(external ? `target: ${external}/ and /shop/N (BENCH_URL)` : "target: node:http server rendering listProducts() as JSON (set BENCH_URL to hit a real `next start`)");

  let base = external;
  let close = async () => {};
  let statementsPerPage: number | undefined;
  if (!external) {
    await benchDatabase("gallery");
    const { makeProducts } = await import("../tests/helpers/listings");
    const { listProducts } = await import("../server/services/store/list-products");
    const { statementCounter } = await import("../server/db-adapter");
    const { disconnectDb } = await import("../server/db");

    const t0 = performance.now();
    await makeProducts(PRODUCTS, { community: "bench", donationsPerProduct: 2, chunk: 2_000 });
    console.log(`seeded ${PRODUCTS} products (+ chain rows and ${PRODUCTS * 3} donations) in ${fmt((performance.now() - t0) / 1000)} s`);

    await listProducts({ page: 1, pageSize: PAGE_SIZE });
    const before = statementCounter.count;
    await listProducts({ page: 7, pageSize: PAGE_SIZE });
    statementsPerPage = statementCounter.count - before;
    const b2 = statementCounter.count;
    await listProducts({ page: 2, pageSize: 100 });
    console.log(`SQL statements per page: ${statementsPerPage} (page size ${PAGE_SIZE}), ${statementCounter.count - b2} (page size 100)`);

    const server = createServer(async (req, res) => {
      try {
        const page = Number(new URL(req.url ?? "/", "http://x").searchParams.get("page") ?? 1);
        const body = JSON.stringify(await listProducts({ page, pageSize: PAGE_SIZE }));
        res.writeHead(200, { "content-type": "application/json" }).end(body);
      } catch (e) {
        res.writeHead(500).end(String(e));
      }
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = async () => {
      await new Promise<void>((r) => server.close(() => r()));
      await disconnectDb();
    };
  }

  const pages = Math.max(1, Math.ceil(PRODUCTS / PAGE_SIZE));
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const rssBefore = Math.round(process.memoryUsage().rss / 2 ** 20);
  const rss = peakRss();
  const start = performance.now();
  async function worker() {
    while (next < REQUESTS) {
      const i = next++;
      const page = (i % Math.min(pages, 50)) + 1; // spread over the first 50 pages (deep pages cost more OFFSET)
      const t = performance.now();
      try {
        const res = await fetch(external ? `${base}${page <= 1 ? "/" : `/shop/${page}`}` : `${base}/?page=${page}`);
        await res.arrayBuffer();
        if (!res.ok) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t);
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - start) / 1000;
  const peak = rss.stop();
  const s = summarize(latencies);

  console.log(`requests: ${s.n} (${CONCURRENCY} in flight), errors: ${errors}`);
  console.log(`latency ms: p50 ${fmt(s.p50)} · p95 ${fmt(s.p95)} · p99 ${fmt(s.p99)} · max ${fmt(s.max)}`);
  console.log(`throughput: ${fmt(s.n / seconds, 0)} req/s over ${fmt(seconds)} s`);
  if (statementsPerPage !== undefined) console.log(`SQL statements per gallery page: ${statementsPerPage}`);
  console.log(`RSS (this process${external ? "" : ": server + load generator"}): ${rssBefore} MiB before the load (after seeding), peak ${peak} MiB`);
  await close();
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
