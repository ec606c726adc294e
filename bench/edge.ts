/**
 * The production server at its edge, side by side in one run: `scripts/start.ts` (WEB_CONCURRENCY web
 * processes behind one port, workers) with 10,000 products, 50 requests in flight, against the same
 * server's static file of similar size. Prints figures; asserts nothing.   npx tsx bench/edge.ts
 *  - a ~35 KB static file (/_next/static/…), gallery page 1 (/), random gallery pages (/shop/N);
 *  - publish → visible on page 1 (a real publication run by a worker);
 *  - 1,000 webhook deliveries, half duplicates, 50 in flight, then the exactly-once check;
 *  - SSE: watchers on one commission, stage → client latency, and DB transactions/s while watching.
 * Knobs: BENCH_PRODUCTS (10000), BENCH_REQUESTS (2000), BENCH_WATCHERS (1000), BENCH_PHASES,
 * BENCH_WEBHOOK_ROUNDS (1), WEB_CONCURRENCY.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { benchDatabase, fmt, machine, summarize } from "./lib";

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 10_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2_000);
const WATCHERS = Number(process.env.BENCH_WATCHERS ?? 1_000);
const IN_FLIGHT = 50;
// BENCH_WEBHOOK_ROUNDS=N repeats the webhook burst (new sessions each time) to show run-to-run spread.
const WEBHOOK_ROUNDS = Number(process.env.BENCH_WEBHOOK_ROUNDS ?? 1);
// BENCH_PHASES=pages,publish,webhook,sse (default: all) runs only those phases.
const PHASES = new Set((process.env.BENCH_PHASES ?? "pages,publish,webhook,sse").split(","));
const PORT = Number(process.env.BENCH_PORT ?? 41890);
const root = join(__dirname, "..");
const base = `http://127.0.0.1:${PORT}`;

/** Pids of the processes whose command line mentions `script`. */
function pidsOf(script: string): number[] {
  return readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        const cmd = readFileSync(`/proc/${d}/cmdline`, "utf8");
        return cmd.includes(script) && !cmd.includes("bin/tsx"); // not tsx's launcher, its node child
      } catch {
        return false;
      }
    })
    .map(Number);
}
/** The web processes' pids: the processes running scripts/web.ts. */
const webPids = () => pidsOf("scripts/web.ts");

/** Peak resident memory (VmHWM, MiB) of each process. */
function peakMiB(pids: number[]): number[] {
  return pids.map((pid) => {
    try {
      return Math.round(Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024);
    } catch {
      return 0;
    }
  });
}

/** CPU time (user + system, ms) the web processes have used so far: a cost per request that does not depend on how busy the machine is. */
function webCpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      ticks += Number(f[11]) + Number(f[12]);
    } catch {
      /* exited */
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

/** Peak memory so far (VmHWM only rises), printed after each phase to show which one raised it. */
function memory(after: string) {
  console.log(`peak memory (VmHWM) after ${after}: web ${peakMiB(webPids()).join(", ")} MiB; worker ${peakMiB(pidsOf("workers/index.ts")).join(", ")} MiB (targets: web ≤ 400, worker ≤ 600 per process)`);
}

/**
 * `n` requests, IN_FLIGHT at a time, from autocannon (a load generator that costs the shared cores far
 * less per request than fetch would); every response's latency is kept for the percentiles.
 * With `opener`, each connection first GETs that path, left out of the figures: the `n` requests then
 * go over connections already open, as behind a proxy that pools its upstream connections.
 */
type Init = (i: number) => { method: string; headers: Record<string, string>; body: string };
async function load(name: string, path: (i: number) => string, n = REQUESTS, init?: Init, opener?: string) {
  const ms: number[] = [];
  const began: number[] = []; // when each request was sent, ms after the start
  let lastAt = 0;
  const statuses = new Map<number, number>();
  let next = 0;
  const pids = webPids();
  const cpu0 = webCpuMs(pids);
  const each0 = pids.map((p) => webCpuMs([p]));
  const t0 = performance.now();
  const run = autocannon({
    url: base,
    connections: IN_FLIGHT,
    amount: n + (opener ? IN_FLIGHT : 0),
    timeout: 30,
    requests: [
      {
        setupRequest: (req) => {
          const i = next++ - (opener ? IN_FLIGHT : 0);
          return i < 0 ? { ...req, path: opener! } : { ...req, path: path(i), ...(init ? init(i) : {}) };
        },
      },
    ],
  });
  const opened = new Set<unknown>();
  run.on("response", (client: unknown, status: number, _bytes: number, responseTime: number) => {
    if (opener && !opened.has(client)) return void opened.add(client); // its first answer: the opener
    ms.push(responseTime);
    lastAt = performance.now();
    began.push(lastAt - t0 - responseTime);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  });
  const result = await run;
  if (result.errors) statuses.set(0, result.errors);
  const s = summarize(ms);
  // Over the time to the last answer: autocannon resolves on its next 1 s tick, not when the server is done.
  const rps = ms.length / ((lastAt - t0) / 1000);
  const cpu = (webCpuMs(pids) - cpu0) / Math.max(1, ms.length);
  const split = pids.map((p, i) => webCpuMs([p]) - each0[i]).join(" : "); // how the connections spread over the processes
  // Where the tail comes from: the slowest 1 % sent within the first few ms are the first requests on
  // IN_FLIGHT new connections, all arriving at once.
  const slowest = ms.map((v, i) => [v, began[i]]).sort((a, b) => b[0] - a[0]).slice(0, Math.max(1, Math.floor(ms.length / 100)));
  const lateStart = Math.max(...slowest.map(([, b]) => b));
  console.log(`${name.padEnd(34)} ${fmt(rps, 0).padStart(6)} req/s  p50 ${fmt(s.p50).padStart(6)} ms  p95 ${fmt(s.p95).padStart(6)} ms  p99 ${fmt(s.p99).padStart(6)} ms  web CPU ${fmt(cpu, 2)} ms/req (${split} ms)  slowest 1 % sent ≤ ${fmt(lateStart, 0)} ms in  ${JSON.stringify(Object.fromEntries(statuses))}`);
  return { rps, ...s };
}

function staticFile() {
  const dir = join(root, ".next/static/chunks");
  const files = readdirSync(dir).filter((f) => f.endsWith(".js")).map((f) => ({ f, size: statSync(join(dir, f)).size }));
  files.sort((a, b) => Math.abs(a.size - 35_000) - Math.abs(b.size - 35_000));
  return { path: `/_next/static/chunks/${files[0].f}`, size: files[0].size };
}

async function main() {
  console.log(`machine: ${machine()}`);
  const { url } = await benchDatabase("edge");
  // The bench signs the webhook deliveries; the server it starts must check them with the same secret.
  process.env.LOCAL_WEBHOOK_SECRET ??= "whsec_local_edge_bench_secret_0123456789";
  const { makeProducts, makeListing } = await import("../tests/helpers/listings");
  const { db, disconnectDb } = await import("../server/db");
  const { closeQueues } = await import("../server/queues/connection");
  const { seedTiers } = await import("../server/services/commissions/seed-tiers");
  const { createCommission } = await import("../server/services/commissions/create-commission");
  const { recordEvent } = await import("../server/services/commissions/events");
  const { signedLocalEvent } = await import("../server/providers/payments/local");
  const { localId } = await import("../server/providers/payments/local-secret");
  const { queuePublications } = await import("../server/services/publishing/queue-publications");

  await makeProducts(PRODUCTS, { donationsPerProduct: 1 });
  await seedTiers();
  const server = spawn(join(root, "node_modules/.bin/tsx"), ["scripts/start.ts"], {
    cwd: root,
    env: { ...process.env, PORT: String(PORT), SKIP_BUILD: "1", SEED_DEMO: "0", WORKER_CONCURRENCY: "1", WORKER_QUEUES: "payment,publish", LOG_LEVEL: "warn",
      // Every watcher and every load request comes from this one address; a real crowd does not.
      RATE_LIMIT_SSE_PER_TOKEN: String(WATCHERS + 10), RATE_LIMIT_SSE_PER_IP: String(WATCHERS + 10), RATE_LIMIT_API_PER_IP: "1000000" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  server.stdout!.on("data", (b: Buffer) => (out += b.toString()));
  for (let i = 0; !out.includes("Merchloop is running at"); i++) {
    if (server.exitCode !== null || i > 1200) throw new Error(`server did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  console.log(out.split("\n").find((l) => l.includes("Merchloop is running at")));
  try {
    const pages = Math.ceil((await db.product.count()) / 24);
    const file = staticFile();
    console.log(`\n${PRODUCTS} products (${pages} pages), ${IN_FLIGHT} in flight, ${REQUESTS} requests each; static file ${file.size} bytes`);
    await load("warm-up: static file (JIT)", () => file.path, 1_000);
    if (PHASES.has("pages")) {
      const first = await load("static file (yardstick)", () => file.path);
      await load("warm-up (every page once)", (i) => (i === 0 ? "/" : `/shop/${i + 1}`), pages);
      const states = new Map<string, number>();
      for (let i = 0; i < 50; i++) {
        const r = await fetch(`${base}/shop/${2 + Math.floor(Math.random() * (pages - 1))}`);
        await r.arrayBuffer();
        const k = r.headers.get("x-nextjs-cache") ?? "none";
        states.set(k, (states.get(k) ?? 0) + 1);
      }
      const html = await (await fetch(`${base}/shop/2`)).text();
      console.log(`cache state of 50 random pages after the warm-up: ${JSON.stringify(Object.fromEntries(states))}; a gallery page is ${html.length} bytes of HTML`);
      const one = await load("gallery page 1 (/)", () => "/");
      const random = await load("random gallery pages (/shop/N)", () => `/shop/${2 + Math.floor(Math.random() * (pages - 1))}`);
      const again = await load("static file again", () => file.path);
      const ratio = (p95: number) => `${fmt(p95 / first.p95, 2)}× / ${fmt(p95 / again.p95, 2)}×`;
      console.log(`p95 against the static file's (before / after): page 1 ${ratio(one.p95)}, random pages ${ratio(random.p95)} (target ≤ 2×)`);
      memory("pages");
    }

    if (PHASES.has("publish")) {
      // Publish → visible on page 1: a real publication run by a worker, then page 1 polled.
      const { listing } = await makeListing({ title: `Edge bench ${Date.now()}` });
      const t0 = performance.now();
      await queuePublications({ listingId: listing.id });
      let product = null;
      for (;;) {
        product ??= await db.product.findUnique({ where: { listingId: listing.id } });
        if (product && (await (await fetch(`${base}/`)).text()).includes(product.title)) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      console.log(`\npublish → visible on page 1: ${fmt((performance.now() - t0) / 1000, 2)} s (queue → worker publishes → tag revalidated → page re-rendered)`);
    }

    if (PHASES.has("sse")) {
      // Before the webhook phase, whose 500 payments the worker applies for a while afterwards.
      // SSE: watchers on one commission in progress; a stage written by this process reaches them all.
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      const xacts = async () => Number((await admin.query(`select xact_commit from pg_stat_database where datname = current_database()`)).rows[0].xact_commit);
      const watch = async (n: number) => {
        const watched = await createCommission({ tier: "bronze", type: "SURPRISE" });
        // In progress: its stream stays open (an unpaid one closes after 20 s).
        await db.commission.update({ where: { id: watched.id }, data: { status: "IN_PROGRESS" } });
        const seen: number[] = [];
        let expecting = "";
        let sentAt = 0;
        const streams = await Promise.all(
          Array.from({ length: n }, async () => {
            const res = await fetch(`${base}/api/commissions/${watched.publicToken}/events`);
            const reader = res.body!.getReader();
            const dec = new TextDecoder();
            void (async () => {
              for (;;) {
                const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
                if (done) return;
                if (expecting && dec.decode(value).includes(expecting)) seen.push(performance.now() - sentAt);
              }
            })();
            return reader;
          }),
        );
        // Let every catch-up read (one per watcher, as it connects) finish and be counted before the
        // windows open: Postgres publishes a backend's counters up to 10 s late (PGSTAT_IDLE_INTERVAL),
        // and 1,000 catch-up reads leaking into the first window read as 50 transactions per stage.
        await new Promise((r) => setTimeout(r, 12_000));
        // For the same reason each count spans a window long enough to include the flush: WINDOW_MS
        // with stages, then the same without.
        const STAGES = 20;
        const WINDOW_MS = 17_000;
        const counted = async (work: () => Promise<void>) => {
          const a = await xacts();
          const t = performance.now();
          await work();
          await new Promise((r) => setTimeout(r, Math.max(0, WINDOW_MS - (performance.now() - t))));
          return (await xacts()) - a;
        };
        const lat: number[] = [];
        const withStages = await counted(async () => {
          for (let k = 0; k < STAGES; k++) {
            seen.length = 0;
            expecting = `stage-${k}`;
            sentAt = performance.now();
            await recordEvent(watched.id, { type: expecting, message: expecting, dedupeKey: expecting });
            for (let i = 0; i < 80 && seen.length < n; i++) await new Promise((r) => setTimeout(r, 25));
            lat.push(...seen);
          }
        });
        const without = await counted(async () => undefined);
        // Minus the bench's own statements: one recordEvent transaction per stage.
        const perStage = (withStages - without - STAGES) / STAGES;
        const s = summarize(lat);
        console.log(`SSE ${String(n).padStart(5)} watchers: delivered ${lat.length}/${STAGES * n}, stage → client p50 ${fmt(s.p50)} ms, p95 ${fmt(s.p95)} ms; DB transactions per stage event ${fmt(perStage)} (${withStages} in ${WINDOW_MS / 1000} s with ${STAGES} stages, ${without} without)`);
        await Promise.all(streams.map((r) => r.cancel().catch(() => undefined)));
      };
      console.log("");
      await watch(10);
      await watch(WATCHERS);
      memory("SSE");
      await admin.end();
    }
    for (let round = 1; PHASES.has("webhook") && round <= WEBHOOK_ROUNDS; round++) {
      // 1,000 sessions, each delivered twice: half of each 1,000 deliveries are duplicates (exact
      // redeliveries, or a new event id for the same session and type).
      const created = [];
      for (let i = 0; i < 1_000; i++) created.push(await createCommission({ tier: "bronze", type: "SURPRISE" }));
      const payments = await db.payment.findMany({ where: { commissionId: { in: created.map((c) => c.id) } } });
      // Two bursts of 1,000 deliveries, 500 sessions each, shuffled.
      const bursts: { payload: string; signature: string }[][] = [[], []];
      payments.forEach((p, k) => {
        const object = { id: p.checkoutSessionId, object: "checkout.session", client_reference_id: p.commissionId, metadata: { commissionId: p.commissionId! }, amount_total: p.amountCents, currency: p.currency, payment_status: "paid", status: "complete", payment_intent: localId("pi", `pi:${p.checkoutSessionId}`) };
        const s = signedLocalEvent("checkout.session.completed", object);
        bursts[k % 2].push(s, k % 4 < 2 ? s : signedLocalEvent("checkout.session.completed", object));
      });
      for (const b of bursts) b.sort(() => Math.random() - 0.5);
      const deliver = (burst: number): Init => (i) => ({
        method: "POST",
        headers: { "content-type": "application/json", "stripe-signature": bursts[burst][i].signature },
        body: bursts[burst][i].payload,
      });
      console.log("");
      await load("static file (yardstick)", () => file.path);
      // The first burst on 50 new connections, as Stripe's own deliveries arrive; the second over
      // connections already open, as behind a proxy that pools them: no connection setup in it.
      await load("webhook, 1,000 deliveries", () => "/api/webhooks/stripe", bursts[0].length, deliver(0));
      await load("webhook, 1,000, open connections", () => "/api/webhooks/stripe", bursts[1].length, deliver(1), file.path);
      await load("static file, open connections", () => file.path, REQUESTS, undefined, file.path);
      const ids = created.map((c) => c.id);
      for (let i = 0; i < 600; i++) {
        if ((await db.payment.count({ where: { commissionId: { in: ids }, status: "SUCCEEDED" } })) === ids.length) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const paid = await db.commissionEvent.count({ where: { commissionId: { in: ids }, type: "paid" } });
      memory("webhook");
      const stored = await db.stripeEvent.count({ where: { objectId: { in: payments.map((p) => p.checkoutSessionId!) } } });
      console.log(`exactly once: ${await db.payment.count({ where: { commissionId: { in: ids }, status: "SUCCEEDED" } })} payments succeeded, ${paid} "paid" events, ${stored} stored events for ${ids.length} sessions`);
    }

    memory("the whole run");
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
    await closeQueues();
    await disconnectDb();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
