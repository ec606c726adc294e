import { cpus, tmpdir, totalmem } from "node:os";
import { mkdtempSync } from "node:fs";
import { join } from "node:path";
import { ensureTemplate, freshDatabase } from "../tests/setup/db";

/**
 * A fresh migrated database for one benchmark (cloned from the test template), plus its own Redis
 * key prefix and data dir. Call it BEFORE importing any server module (use dynamic imports after).
 */
export async function benchDatabase(name: string) {
  await ensureTemplate();
  const url = await freshDatabase(`${process.env.TEST_DB_PREFIX ?? "merchloop"}_bench_${name}`);
  process.env.DATABASE_URL = url;
  process.env.REDIS_URL ??= "redis://127.0.0.1:6379";
  process.env.QUEUE_PREFIX = `mlbench-${name}-${process.pid}`;
  process.env.DATA_DIR = mkdtempSync(join(tmpdir(), `merchloop-bench-${name}-`));
  process.env.LOG_LEVEL ??= "silent";
  process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench";
  return { url };
}

export function machine() {
  const c = cpus();
  return `${c[0]?.model ?? "unknown cpu"} × ${c.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, ${process.platform}`;
}

export function percentile(sorted: number[], p: number) {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function summarize(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s[s.length - 1] };
}

/** Tracks peak RSS by sampling every 50 ms. */
export function peakRss() {
  let peak = process.memoryUsage().rss;
  const t = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  t.unref();
  return { stop: () => (clearInterval(t), Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20)) };
}

export const fmt = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : "n/a");

/**
 * Stripe's webhook on node:http through `nodeRoute`, the code the production web server
 * (scripts/web.ts) answers it with, for benches that run the workers in process. Call it after
 * benchDatabase (it imports server modules).
 */
export async function webhookServer() {
  const { createServer } = await import("node:http");
  const { nodeRoute } = await import("../server/http/node-routes");
  const server = createServer((req, res) => {
    const route = nodeRoute(req);
    if (route) void route(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as import("node:net").AddressInfo;
  return { url: `http://127.0.0.1:${port}/api/webhooks/stripe`, close: () => server.close() };
}
