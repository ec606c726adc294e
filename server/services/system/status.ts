import { db } from "../../db";
import { env } from "../../env";
import { queueNames } from "../../queues/contracts";
import { queue, queuePrefix, redis } from "../../queues/connection";
import pkg from "../../../package.json";
import { APPLIED_MIGRATIONS_SQL, missingMigrations } from "./migrations";

/** Per deployment (queue prefix), like every other key, so instances sharing a Redis don't mix. */
export const heartbeatKey = () => `${queuePrefix()}:worker:heartbeat`;

export async function queueCounts() {
  const entries = await Promise.all(
    queueNames.map(async (name) => [name, await queue(name).getJobCounts("waiting", "active", "delayed", "failed", "completed", "prioritized")] as const),
  );
  return Object.fromEntries(entries);
}

export async function workerHeartbeat(): Promise<{ pid: number; host: string; at: string } | null> {
  const raw = await redis().get(heartbeatKey());
  return raw ? JSON.parse(raw) : null;
}

/** What /api/status and the dashboard show: never a secret. */
export async function systemStatus() {
  const e = env();
  const [queues, heartbeat] = await Promise.all([queueCounts().catch(() => null), workerHeartbeat().catch(() => null)]);
  return {
    name: "merchloop",
    version: pkg.version,
    nodeEnv: e.NODE_ENV,
    providers: e.providers,
    queues,
    worker: heartbeat ? { ...heartbeat, ageSeconds: Math.round((Date.now() - Date.parse(heartbeat.at)) / 1000) } : null,
  };
}

export type ReadyCheck = { name: "database" | "migrations" | "redis"; ok: boolean; error?: string };

const withTimeout = <T>(p: Promise<T>, ms: number, what: string) =>
  Promise.race([p, new Promise<never>((_, rej) => setTimeout(() => rej(new Error(`${what} did not answer within ${ms} ms`)), ms).unref())]);

/** Database reachable, migrations applied, Redis reachable. Each check bounded so the answer comes in < 5 s. */
export async function readiness(): Promise<{ ok: boolean; checks: ReadyCheck[] }> {
  const checks: ReadyCheck[] = [];
  const dbCheck = async () => {
    try {
      await withTimeout(db.$queryRawUnsafe("select 1"), 2500, "database");
      checks.push({ name: "database", ok: true });
      try {
        const rows = await withTimeout(db.$queryRawUnsafe<Array<{ migration_name: string }>>(APPLIED_MIGRATIONS_SQL), 2000, "migrations query");
        const missing = missingMigrations(rows.map((r) => r.migration_name));
        const ok = missing.length === 0;
        checks.push({ name: "migrations", ok, error: ok ? undefined : `not applied: ${missing.join(", ")} (run npm run db:migrate)` });
      } catch (e) {
        checks.push({ name: "migrations", ok: false, error: (e as Error).message });
      }
    } catch (e) {
      checks.push({ name: "database", ok: false, error: `database unreachable: ${(e as Error).message}` });
      checks.push({ name: "migrations", ok: false, error: "unknown while the database is unreachable" });
    }
  };
  const redisCheck = async () => {
    try {
      const pong = await withTimeout(redis().ping(), 2000, "redis");
      checks.push({ name: "redis", ok: pong === "PONG" });
    } catch (e) {
      checks.push({ name: "redis", ok: false, error: `redis unreachable: ${(e as Error).message}` });
    }
  };
  await Promise.all([dbCheck(), redisCheck()]);
  return { ok: checks.every((c) => c.ok), checks };
}
