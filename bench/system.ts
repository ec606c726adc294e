/**
 * Whole-system benchmark against the real production server (`scripts/start.ts`: web processes (scripts/web.ts) + worker):
 *  1. storefront gallery with 10,000 published products under 50 concurrent requests (real SSR pages),
 *  2. the demo loop (ingest → score → approve → design → publish) running in the worker meanwhile,
 *  3. peak memory (VmHWM) of the web and worker processes.
 * Prints figures; asserts nothing.   npx tsx bench/system.ts
 * Knobs: BENCH_PRODUCTS (10000), BENCH_REQUESTS (3000), BENCH_CONCURRENCY (50), BENCH_DEMO_APPROVALS (6).
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { benchDatabase, fmt, machine, summarize } from "./lib";

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 10_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 3_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const APPROVALS = Number(process.env.BENCH_DEMO_APPROVALS ?? 6);
const PORT = Number(process.env.BENCH_PORT ?? 3400);
const root = join(__dirname, "..");

function descendants(pid: number): number[] {
  const parent = new Map<number, number>();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      /* process ended */
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const [c, pp] of parent) {
      if (pp !== p) continue;
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

function memoryOf(pid: number) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
    const kb = (k: string) => Number(status.match(new RegExp(`${k}:\\s+(\\d+)`))?.[1] ?? 0);
    return { pid, cmd, hwmMiB: Math.round(kb("VmHWM") / 1024), rssMiB: Math.round(kb("VmRSS") / 1024) };
  } catch {
    return null;
  }
}

async function main() {
  console.log(`machine: ${machine()}`);
  await benchDatabase("system");
  const { makeProducts } = await import("../tests/helpers/listings");
  const { db, disconnectDb } = await import("../server/db");
  const t0 = performance.now();
  await makeProducts(PRODUCTS, { community: "bench", donationsPerProduct: 1, chunk: 2_000 });
  console.log(`seeded ${PRODUCTS} products in ${fmt((performance.now() - t0) / 1000)} s`);
  // The demo loop below measures design → storefront, so the storefront skips the review gate here.
  const { setSetting } = await import("../server/services/settings");
  await setSetting("autoPublish", { LOCAL: true });

  const server = spawn(join(root, "node_modules/.bin/tsx"), [join(root, "scripts/start.ts")], {
    cwd: root,
    env: { ...process.env, PORT: String(PORT), APP_URL: `http://localhost:${PORT}`, DEMO_APPROVALS: String(APPROVALS), LOG_LEVEL: "warn", ADMIN_EMAIL: "bench@merchloop.test", ADMIN_PASSWORD: "bench-password-123" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://localhost:${PORT}`;
  for (let i = 0; ; i++) {
    const ok = await fetch(`${base}/api/ready`).then((r) => r.ok, () => false);
    if (ok) break;
    if (i > 1200) throw new Error("server did not become ready");
    await new Promise((r) => setTimeout(r, 500));
  }
  const loopStart = Date.now();
  console.log("server ready; demo loop running in the worker while the gallery is under load");

  const pageCount = Math.ceil(PRODUCTS / 24);
  const pathFor = (page: number) => (page <= 1 ? "/" : `/shop/${page}`); // as the storefront links them
  // Two shapes of load: shoppers paging through the gallery (later pages are cached for 15 s), and
  // everyone on the live first page (rendered on every request).
  for (const [label, pick] of [
    ["random pages 1…N (pages 2+ cached)", () => 1 + Math.floor(Math.random() * pageCount)],
    ["live first page only", () => 1],
  ] as const) {
    await fetch(`${base}/`); // warm up
    const latencies: number[] = [];
    let errors = 0;
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < REQUESTS) {
          next++;
          const t = performance.now();
          const res = await fetch(`${base}${pathFor(pick())}`).catch(() => null);
          if (!res || !res.ok) errors++;
          await res?.arrayBuffer();
          latencies.push(performance.now() - t);
        }
      }),
    );
    const secs = (performance.now() - started) / 1000;
    const s = summarize(latencies);
    console.log(`gallery, ${label}, real next start, ${CONCURRENCY} in flight: ${s.n} requests in ${fmt(secs)} s = ${fmt(s.n / secs)} req/s; p50 ${fmt(s.p50)} ms, p95 ${fmt(s.p95)} ms, p99 ${fmt(s.p99)} ms, max ${fmt(s.max)} ms; errors ${errors}`);
  }

  // Let the demo loop finish (APPROVALS ideas designed and published).
  for (let i = 0; i < 600; i++) {
    const published = await db.product.count({ where: { NOT: { community: "bench" } } });
    if (published >= APPROVALS) {
      console.log(`demo loop: ${published} ideas designed and published ${fmt((Date.now() - loopStart) / 1000)} s after the server was ready`);
      break;
    }
    await new Promise((r) => setTimeout(r, 500));
  }

  const procs = descendants(server.pid!).map(memoryOf).filter((p): p is NonNullable<typeof p> => !!p);
  const web = procs.filter((p) => p.cmd.includes("scripts/web.ts"));
  const worker = procs.filter((p) => p.cmd.includes("workers/index.ts"));
  const peak = (ps: typeof procs) => Math.max(0, ...ps.map((p) => p.hwmMiB));
  console.log(`peak memory (VmHWM): web ${peak(web)} MiB, worker ${peak(worker)} MiB`);
  for (const p of [...web, ...worker]) console.log(`  pid ${p.pid} hwm ${p.hwmMiB} MiB rss ${p.rssMiB} MiB  ${p.cmd.slice(0, 90)}`);

  server.kill("SIGTERM");
  await new Promise((r) => server.once("exit", r));
  await disconnectDb();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
