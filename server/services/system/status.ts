import { db } from "../../db";
import { env } from "../../env";
import { queueNames } from "../../queues/contracts";
import { queue, redis } from "../../queues/connection";
import pkg from "../../../package.json";

export const HEARTBEAT_KEY = "merchloop:worker:heartbeat";

export async function queueCounts() {
  const entries = await Promise.all(
    queueNames.map(async (name) => [name, await queue(name).getJobCounts("waiting", "active", "delayed", "failed", "completed", "prioritized")] as const),
  );
  return Object.fromEntries(entries);
}

export async function workerHeartbeat(): Promise<{ pid: number; host: string; at: string } | null> {
  const raw = await redis().get(HEARTBEAT_KEY);
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
        const rows = await withTimeout(
          db.$queryRawUnsafe<Array<{ pending: bigint }>>(
            `select count(*)::bigint as pending from _prisma_migrations where finished_at is null or rolled_back_at is not null`,
          ),
          2000,
          "migrations query",
        );
        const applied = await db.$queryRawUnsafe<Array<{ n: bigint }>>(`select count(*)::bigint as n from _prisma_migrations where finished_at is not null`);
        const expected = expectedMigrations();
        const ok = Number(rows[0]?.pending ?? 0) === 0 && (expected === null || Number(applied[0]?.n ?? 0) >= expected);
        checks.push({ name: "migrations", ok, error: ok ? undefined : "migrations are not fully applied: run npm run db:migrate" });
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

let migrationCount: number | null | undefined;
function expectedMigrations(): number | null {
  if (migrationCount !== undefined) return migrationCount;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fs = require("node:fs") as typeof import("node:fs");
    const dir = `${process.cwd()}/prisma/migrations`;
    migrationCount = fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).length;
  } catch {
    migrationCount = null;
  }
  return migrationCount;
}
