// Webhook burst: 1,000 signed Stripe deliveries (500 unique checkout.session.completed + 500
// duplicates) sent 50 at a time through a node:http server wrapping the webhook route (or BENCH_URL).
// Prints req/s and latency percentiles, then applies the events with a real BullMQ worker and
// checks exactly-once: 500 payments, 500 fulfilment jobs.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:http";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { benchDatabase, fmt, machine, summarize } from "./lib";

const COMMISSIONS = Number(process.env.BENCH_COMMISSIONS ?? 500);
const CONCURRENCY = 50;

async function main() {
  await benchDatabase("webhook");
  const { db, disconnectDb } = await import("../server/db");
  const { closeQueues, createRedis, queue, queuePrefix } = await import("../server/queues/connection");
  const { seedTiers } = await import("../server/services/commissions/seed-tiers");
  const { createCommission } = await import("../server/services/commissions/create-commission");
  const { signedLocalEvent } = await import("../server/providers/payments/local");
  const { localId } = await import("../server/providers/payments/local-secret");
  const { POST } = await import("../app/api/webhooks/stripe/route");
  const { Worker } = await import("bullmq");
  const { tracked } = await import("../workers/tracked");
  const { payment } = await import("../workers/processors/payment");

  await seedTiers();
  const t0 = Date.now();
  const created = [];
  for (let i = 0; i < COMMISSIONS; i++) created.push(await createCommission({ tier: "bronze", type: "SURPRISE" }));
  const payments = await db.payment.findMany({ where: { commissionId: { in: created.map((c) => c.id) } } });
  console.log(`setup: ${COMMISSIONS} awaiting commissions in ${Date.now() - t0} ms`);

  const deliveries: { payload: string; signature: string }[] = [];
  for (const p of payments) {
    const object = { id: p.checkoutSessionId, object: "checkout.session", client_reference_id: p.commissionId, metadata: { commissionId: p.commissionId! }, amount_total: p.amountCents, currency: p.currency, payment_status: "paid", status: "complete", payment_intent: localId("pi", `pi:${p.checkoutSessionId}`) };
    const s = signedLocalEvent("checkout.session.completed", object);
    deliveries.push(s);
    // Half the duplicates are exact redeliveries, half are new event ids for the same session.
    deliveries.push(deliveries.length % 4 === 1 ? s : signedLocalEvent("checkout.session.completed", object));
  }
  deliveries.sort(() => Math.random() - 0.5);

  // The server: BENCH_URL, or the webhook route in its own process (default, as in production),
  // or in this process with BENCH_IN_PROCESS=1 (client and server then share one thread).
  let url = process.env.BENCH_URL;
  let target = url ?? "";
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const r = await POST(new Request("http://bench/api/webhooks/stripe", { method: "POST", headers: { "stripe-signature": String(req.headers["stripe-signature"] ?? "") }, body: Buffer.concat(chunks).toString("utf8") }));
    res.writeHead(r.status, { "content-type": "application/json" }).end(await r.text());
  });
  let child: ChildProcess | undefined;
  if (!url && process.env.BENCH_IN_PROCESS === "1") {
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/stripe`;
    target = "in-process node:http (client in the same thread)";
  } else if (!url) {
    child = spawn(join(__dirname, "..", "node_modules/.bin/tsx"), [join(__dirname, "webhook-server.ts")], { env: process.env, stdio: ["ignore", "pipe", "inherit"] });
    const port = await new Promise<string>((resolve, reject) => {
      child!.stdout!.on("data", (d: Buffer) => {
        const m = /PORT (\d+)/.exec(String(d));
        if (m) resolve(m[1]);
      });
      child!.once("exit", (code) => reject(new Error(`webhook server exited (${code})`)));
    });
    url = `http://127.0.0.1:${port}/api/webhooks/stripe`;
    target = "webhook route in its own process (node:http)";
  }

  // Warm-up (not measured), as a running server would be: JIT, HTTP keep-alive, the pg pool's
  // connections and BullMQ's scripts. Bad-signature deliveries change nothing; a probe job is removed.
  const { pgPool } = await import("../server/db");
  await Promise.all(Array.from({ length: 5 }, () => pgPool().query("select 1")));
  const probe = await queue("payment").add("warmup", { eventId: "warmup" });
  await probe.remove();
  await Promise.all(
    Array.from({ length: 100 }, () => fetch(url!, { method: "POST", headers: { "stripe-signature": "t=1,v1=bad" }, body: "{}" }).then((r) => r.text())),
  );

  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < deliveries.length) {
        const d = deliveries[next++];
        const t = performance.now();
        const res = await fetch(url!, { method: "POST", headers: { "content-type": "application/json", "stripe-signature": d.signature }, body: d.payload });
        await res.text();
        latencies.push(performance.now() - t);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  server.close();
  child?.kill("SIGTERM");

  // Apply the recorded events the way production does: a BullMQ worker on the payment queue.
  const worker = new Worker("payment", tracked("payment", payment), { connection: createRedis(), prefix: queuePrefix(), concurrency: 16 });
  const applyStart = performance.now();
  for (;;) {
    const c = await queue("payment").getJobCounts("waiting", "active", "delayed", "prioritized");
    if (c.waiting + c.active + c.delayed + c.prioritized === 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const applySec = (performance.now() - applyStart) / 1000;
  await worker.close();

  const s = summarize(latencies);
  const paymentsOk = await db.payment.count({ where: { status: "SUCCEEDED", commissionId: { in: created.map((c) => c.id) } } });
  const paid = await db.commission.count({ where: { status: "PAID" } });
  const jobs = await queue("commission").getJobCounts("waiting", "prioritized", "active", "delayed", "completed", "failed");
  const commissionJobs = Object.values(jobs).reduce((a, b) => a + b, 0);
  const events = await db.stripeEvent.count();

  console.log(`machine: ${machine()}`);
  console.log(`deliveries: ${deliveries.length} (${COMMISSIONS} unique + ${deliveries.length - COMMISSIONS} duplicates), concurrency ${CONCURRENCY}, target ${target}`);
  console.log(`webhook: ${fmt(deliveries.length / elapsed, 0)} req/s · p50 ${fmt(s.p50)} ms · p95 ${fmt(s.p95)} ms · p99 ${fmt(s.p99)} ms · max ${fmt(s.max)} ms · statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
  console.log(`apply: ${events} recorded events applied in ${fmt(applySec, 2)} s`);
  const ok = paymentsOk === COMMISSIONS && paid === COMMISSIONS && commissionJobs === COMMISSIONS && events === COMMISSIONS;
  console.log(`exactly-once: stripe_events=${events} payments=${paymentsOk} paid=${paid} commission_jobs=${commissionJobs} → ${ok ? "OK" : "MISMATCH"}`);

  for (const q of ["payment", "commission"] as const) await queue(q).obliterate({ force: true }).catch(() => undefined);
  await closeQueues();
  await disconnectDb();
  process.exit(ok ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
