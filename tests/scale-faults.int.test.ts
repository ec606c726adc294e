/**
 * Faults mid-burst, on a Redis and a Postgres of the test's own (never the shared ones): a burst of
 * signed webhooks (every event delivered twice, retried like Stripe on 503) runs through a real
 * `next start` while Redis (AOF on) is SIGKILLed and restarted, then while Postgres is stopped for
 * 10 s. While a store is down the webhook answers 503 promptly; afterwards every event is applied
 * exactly once: one payment each, one "paid" timeline event, one fulfilment job.
 * Needs a current production build (`npm test` builds before the integration step).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildNeeded } from "../scripts/start";
import { startEmbeddedPostgres, startLocalRedis } from "../scripts/lib/services";
import type { Supervised } from "../scripts/lib/supervise";
import { db, disconnectDb } from "../server/db";
import { resetEnvCache } from "../server/env";
import { closeQueues, queue } from "../server/queues/connection";
import { awaitingCommission, sessionObject, signed, useLocalPayments } from "./helpers/commissions";
import { stopAll, waitFor } from "./helpers/wait";

const root = join(__dirname, "..");
const hasBuild = !buildNeeded();
const slot = Number(process.env.VITEST_POOL_ID ?? 1);
const ports = { web: 41860 + slot * 4, pg: 41861 + slot * 4, redis: 41862 + slot * 4 };
const web = `http://127.0.0.1:${ports.web}`;
const dir = mkdtempSync(join(tmpdir(), "merchloop-faults-"));
chmodSync(dir, 0o755); // the embedded Postgres user must reach it when tests run as root

let pgService: Supervised | undefined;
let redisService: Supervised | undefined;
const apps: ChildProcess[] = [];

beforeAll(async () => {
  if (!hasBuild) return;
  const t = Date.now();
  const step = (what: string) => console.log(`faults setup: ${what} after ${Date.now() - t} ms`);
  const pg = await startEmbeddedPostgres(dir, ports.pg);
  step("postgres");
  pgService = pg.service;
  const redis = await startLocalRedis(dir, ports.redis);
  redisService = redis.service;
  // This file talks to its own stores only.
  await closeQueues();
  await disconnectDb();
  Object.assign(process.env, { DATABASE_URL: pg.url, REDIS_URL: redis.url, WORKER_REQUEUE_MS: "1000" });
  resetEnvCache();
  useLocalPayments();
  const migrate = spawnSync(join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], { cwd: root, env: process.env, encoding: "utf8" });
  if (migrate.status !== 0) throw new Error(migrate.stderr);
  step("migrated");
  const env = { ...process.env, NODE_ENV: "production" as const, PAYMENTS_PROVIDER: "local", LOG_LEVEL: "error", WORKER_QUEUES: "payment" };
  apps.push(spawn(process.execPath, ["--import", "tsx", join(root, "scripts/web.ts"), "-p", String(ports.web)], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] }));
  apps.push(spawn(join(root, "node_modules/.bin/tsx"), ["workers/index.ts"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] }));
  await waitFor("the web server", () => fetch(`${web}/api/health`).then((r) => r.ok, () => false), 60_000);
  step("serving");
}, 150_000);

afterAll(async () => {
  await stopAll(apps);
  await closeQueues();
  await disconnectDb();
  await redisService?.stop();
  await pgService?.stop();
}, 60_000);

type Delivery = { payload: string; signature: string };
const answers: Array<{ status: number; ms: number; phase: string }> = [];
let phase = "redis";

/** Delivers like Stripe: retries after a 503 (or no answer) until the event is accepted. */
async function deliver(d: Delivery) {
  for (;;) {
    const t = Date.now();
    const status = await fetch(`${web}/api/webhooks/stripe`, {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": d.signature },
      body: d.payload,
      signal: AbortSignal.timeout(10_000),
    }).then((r) => r.status, () => 0);
    answers.push({ status, ms: Date.now() - t, phase });
    if (status === 200) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function burst(deliveries: Delivery[], inFlight: number) {
  let next = 0;
  await Promise.all(Array.from({ length: inFlight }, async () => {
    while (next < deliveries.length) await deliver(deliveries[next++]);
  }));
}

/** On a timeout, what is left and where its job stands, before failing. */
async function explain(err: Error): Promise<never> {
  const left = await db.stripeEvent.findMany({ where: { processedAt: null }, select: { id: true, receivedAt: true } });
  for (const e of left) {
    const job = await queue("payment").getJob(e.id);
    console.log(`unapplied ${e.id} received ${e.receivedAt.toISOString()}: job ${job ? `${await job.getState()}, ${job.attemptsMade} attempts, ${job.failedReason ?? "no error"}` : "none"}`);
  }
  console.log(`workers alive: ${apps.map((a) => a.exitCode === null && a.signalCode === null).join(", ")} at ${new Date().toISOString()}`);
  throw err;
}

describe.skipIf(!hasBuild)("webhook bursts through store faults", () => {
  it("answers 503 while a store is down and applies every event exactly once afterwards", async () => {
    const commissions = [];
    for (let i = 0; i < 30; i++) commissions.push(await awaitingCommission());
    // Warm the web process first: a cold route's first requests measure compilation, not faults.
    const warm = await awaitingCommission();
    await deliver(signed("checkout.session.completed", sessionObject(warm)));
    answers.length = 0;
    const events = commissions.map((c) => signed("checkout.session.completed", sessionObject(c)));
    const deliveries = events.flatMap((e) => [e, e]); // every event twice

    // Redis: SIGKILLed a third of the way in; the supervisor restarts it from its append-only file.
    const first = burst(deliveries.slice(0, 30), 10);
    await waitFor("a third of the burst", async () => answers.length >= 10);
    redisService!.current()!.kill("SIGKILL");
    await first;
    await waitFor("redis back", async () => redisService!.current()?.exitCode === null);

    // Postgres: stopped for 10 s mid-burst, then started again on the same data.
    phase = "postgres";
    const second = burst(deliveries.slice(30), 10);
    await pgService!.stop();
    await new Promise((r) => setTimeout(r, 10_000));
    pgService = (await startEmbeddedPostgres(dir, ports.pg)).service;
    await second;

    const refused = answers.filter((a) => a.status !== 200);
    for (const p of ["redis", "postgres"]) {
      const r = refused.filter((a) => a.phase === p).map((a) => a.ms).sort((a, b) => a - b);
      console.log(`${p} down: ${r.length} deliveries refused with 503; answer time p50 ${r[Math.floor(r.length / 2)]} ms, max ${r[r.length - 1]} ms`);
    }
    expect(refused.length).toBeGreaterThan(0); // the faults were felt…
    expect(refused.every((a) => a.status === 503)).toBe(true); // …as prompt 503s, never a hang (0)

    const ids = commissions.map((c) => c.id);
    await waitFor("every payment applied", async () => (await db.payment.count({ where: { commissionId: { in: ids }, status: "SUCCEEDED" } })) === ids.length, 90_000).catch(explain);
    await waitFor("every event marked applied", async () => (await db.stripeEvent.count({ where: { processedAt: null } })) === 0, 30_000).catch(explain);
    expect(await db.stripeEvent.count({ where: { id: { in: events.map((e) => e.event.id) } } })).toBe(events.length);
    expect(await db.stripeEvent.count({ where: { id: { in: events.map((e) => e.event.id) }, processedAt: null } })).toBe(0);
    expect(await db.payment.count({ where: { commissionId: { in: ids } } })).toBe(ids.length);
    const paid = await db.commissionEvent.groupBy({ by: ["commissionId"], where: { commissionId: { in: ids }, type: "paid" }, _count: true });
    expect(paid.map((p) => p._count)).toEqual(ids.map(() => 1));
    const jobs = (await queue("commission").getJobs(["waiting", "prioritized", "delayed", "active", "completed", "failed"])).filter((j) => ids.includes(j?.data?.commissionId));
    expect(jobs.length).toBe(ids.length);
  }, 180_000);
});
