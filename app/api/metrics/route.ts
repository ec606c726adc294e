import { collectDefaultMetrics, Gauge, Registry } from "prom-client";
import { isOperator, operatorsOnly } from "@/server/auth/operator";
import { queueCounts, workerHeartbeat } from "@/server/services/system/status";
import { registerGrowthMetrics } from "@/server/services/analytics/growth-metrics";

export const dynamic = "force-dynamic";

const g = globalThis as unknown as { __mlMetrics?: { registry: Registry; jobs: Gauge; heartbeat: Gauge } };

function metrics() {
  if (g.__mlMetrics) return g.__mlMetrics;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "merchloop_web_" });
  const jobs = new Gauge({ name: "merchloop_queue_jobs", help: "Jobs per queue and state", labelNames: ["queue", "state"], registers: [registry] });
  const heartbeat = new Gauge({ name: "merchloop_worker_heartbeat_age_seconds", help: "Seconds since the last worker heartbeat (-1: none)", registers: [registry] });
  registerGrowthMetrics(registry);
  g.__mlMetrics = { registry, jobs, heartbeat };
  return g.__mlMetrics;
}

/** Prometheus metrics (operators only): web process stats, queue depths, worker heartbeat age. */
export async function GET(req: Request) {
  if (!(await isOperator(req))) return operatorsOnly();
  const m = metrics();
  const [counts, beat] = await Promise.all([queueCounts().catch(() => ({})), workerHeartbeat().catch(() => null)]);
  for (const [queue, states] of Object.entries(counts)) {
    for (const [state, n] of Object.entries(states as Record<string, number>)) m.jobs.set({ queue, state }, n);
  }
  m.heartbeat.set(beat ? (Date.now() - Date.parse(beat.at)) / 1000 : -1);
  return new Response(await m.registry.metrics(), { headers: { "content-type": m.registry.contentType } });
}
