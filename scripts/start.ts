/**
 * `npm start`: everything Merchloop needs, in one command.
 * Postgres (embedded when DATABASE_URL is unset) · Redis (local redis-server when REDIS_URL is unset)
 * · migrations · idempotent demo seed · production build when sources changed · WEB_CONCURRENCY web
 * processes sharing one port (SO_REUSEPORT, or node:cluster) and WORKER_CONCURRENCY worker processes
 * (both default to the number of cores). Every process it starts is supervised: one that dies is
 * started again after a back-off, local Redis and Postgres included. Ctrl-C / SIGTERM stops it all
 * cleanly; data stays in .data/ for the next start.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";
import { persistedSecrets, pickPort, say, StartError, startEmbeddedPostgres, startLocalRedis } from "./lib/services";
import { loadEnvFile } from "./lib/env-file";
import { supervise, type Supervised } from "./lib/supervise";
import { startWebProcesses } from "./lib/web-processes";
import { APPLIED_MIGRATIONS_SQL, missingMigrations, shippedMigrations } from "../server/services/system/migrations";

const root = resolve(__dirname, "..");
const bin = (name: string) => join(root, "node_modules", ".bin", name);

async function migrationsPending(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const t = await c.query(`select to_regclass('public._prisma_migrations') as t`);
    if (!t.rows[0].t) return true;
    const r = await c.query(APPLIED_MIGRATIONS_SQL);
    return missingMigrations(r.rows.map((x) => x.migration_name as string), shippedMigrations(root)).length > 0;
  } finally {
    await c.end();
  }
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, what: string) {
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: "inherit" });
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status ?? r.signal})`);
}

function newestMtime(paths: string[]): number {
  let newest = 0;
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) for (const e of readdirSync(p)) walk(join(p, e));
    else newest = Math.max(newest, s.mtimeMs);
  };
  paths.forEach((p) => walk(join(root, p)));
  return newest;
}

export function buildNeeded() {
  const id = join(root, ".next", "BUILD_ID");
  if (!existsSync(id)) return true;
  const sources = ["app", "components", "lib", "server", "public", "next.config.ts", "postcss.config.mjs", "package-lock.json", "prisma/schema.prisma", "tsconfig.json"];
  return newestMtime(sources) > statSync(id).mtimeMs;
}

/** A positive process count from the environment, or the number of cores. */
function processCount(name: string): number {
  const raw = process.env[name];
  if (!raw) return availableParallelism();
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new StartError(`${name} must be a whole number from 1 to 64 (it is "${raw}").`);
  return n;
}

export async function main() {
  loadEnvFile(join(root, ".env"));
  const dataDir = resolve(root, process.env.DATA_DIR ?? ".data");
  mkdirSync(dataDir, { recursive: true });
  const secrets = persistedSecrets(dataDir);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATA_DIR: dataDir,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || secrets.NEXTAUTH_SECRET,
    CRON_SECRET: process.env.CRON_SECRET || secrets.CRON_SECRET,
    LOCAL_WEBHOOK_SECRET: process.env.LOCAL_WEBHOOK_SECRET || secrets.LOCAL_WEBHOOK_SECRET,
    // npm start is the demo: without Stripe keys it opts in to the local test checkout (docker-compose does not).
    PAYMENTS_PROVIDER: process.env.PAYMENTS_PROVIDER || (process.env.STRIPE_SECRET_KEY ? "stripe" : "local"),
    // Web and workers share this machine's cores: background jobs yield to requests (docs/scaling.md).
    WORKER_NICE: process.env.WORKER_NICE || "10",
    // Web and worker processes stop if this process is killed (server/supervisor.ts).
    MERCHLOOP_SUPERVISOR_PID: String(process.pid),
  };

  const services: Supervised[] = []; // Postgres and Redis: stopped last
  const apps: Supervised[] = []; // web and worker processes: stopped first
  let stopping = false;
  const shutdown = async (code: number, why: string) => {
    if (stopping) return;
    stopping = true;
    say(`stopping (${why})…`);
    for (const s of [...apps, ...services]) s.retire();
    await Promise.all(apps.map((a) => a.stop()));
    for (const s of services.reverse()) {
      await s.stop().catch((e: Error) => say(`stopping ${s.name}: ${e.message}`));
      say(`${s.name} stopped`);
    }
    rmSync(join(dataDir, "services.env"), { force: true });
    say("stopped");
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0, "SIGINT"));
  process.on("SIGTERM", () => void shutdown(0, "SIGTERM"));

  try {
    const webCount = processCount("WEB_CONCURRENCY");
    const workerCount = processCount("WORKER_CONCURRENCY");
    // The web port moves to the next free one only when nobody chose it (PORT / APP_URL unset).
    const port = await pickPort("the web server", Number(process.env.PORT ?? 3000), { movable: !process.env.PORT && !process.env.APP_URL, setBy: "PORT" });
    env.PORT = String(port);
    env.APP_URL ||= `http://localhost:${port}`;
    env.NEXTAUTH_URL ||= env.APP_URL;

    if (!env.DATABASE_URL) {
      const pgPort = await pickPort("embedded Postgres", Number(process.env.EMBEDDED_PG_PORT ?? 54329), { movable: true, setBy: "EMBEDDED_PG_PORT", host: "127.0.0.1" });
      const p = await startEmbeddedPostgres(dataDir, pgPort);
      env.DATABASE_URL = p.url;
      services.push(p.service);
    }
    if (!env.REDIS_URL) {
      const redisPort = await pickPort("redis-server", Number(process.env.LOCAL_REDIS_PORT ?? 63790), { movable: true, setBy: "LOCAL_REDIS_PORT", host: "127.0.0.1" });
      const r = await startLocalRedis(dataDir, redisPort);
      env.REDIS_URL = r.url;
      services.push(r.service);
    }

    // The CLI (npm run cli) reads this to reach the services this start runs.
    writeFileSync(join(dataDir, "services.env"), `DATABASE_URL=${env.DATABASE_URL}\nREDIS_URL=${env.REDIS_URL}\n`, { mode: 0o600 });

    // Validate the whole configuration before doing anything with it.
    const { parseEnv } = await import("../server/env");
    const parsed = parseEnv(env);

    if (await migrationsPending(env.DATABASE_URL!)) {
      say("applying database migrations…");
      run(bin("prisma"), ["migrate", "deploy"], env, "prisma migrate deploy");
    } else say("database schema is up to date");

    say("seeding demo data (idempotent)…");
    run(bin("tsx"), [join(root, "prisma", "seed.ts")], env, "seed");

    if (process.env.SKIP_BUILD !== "1" && buildNeeded()) {
      say("building the web app (first start or sources changed)…");
      run(bin("next"), ["build"], env, "next build");
    }

    // Memory: fewer glibc malloc arenas keep native (sharp/libvips, Prisma wasm) memory from
    // fragmenting; the web's V8 heap is capped so it collects instead of growing under load.
    const mallocArenas = process.env.MALLOC_ARENA_MAX || "2";
    // And a fixed mmap threshold: glibc raises it after each large free (up to 32 MB), so the print
    // files' 10–80 MB pixel buffers ended up in arenas it never gave back. A design worker stayed at
    // 540–620 MB after its work instead of 330–400 (a design of 4 products, 3 in a row, measured).
    const mmapThreshold = process.env.MALLOC_MMAP_THRESHOLD_ || String(1 << 20);
    const malloc = { MALLOC_ARENA_MAX: mallocArenas, MALLOC_MMAP_THRESHOLD_: mmapThreshold };
    const webHeap = `--max-old-space-size=${process.env.WEB_MAX_OLD_SPACE_MB || 384}`;

    // Web: scripts/web.ts (Next's handler on node:http), WEB_CONCURRENCY processes on one port.
    const web = startWebProcesses({ count: webCount, port, env: { ...env, ...malloc }, execArgv: [webHeap, "--require", "tsx/cjs"], say });
    const workers = Array.from({ length: workerCount }, (_, i) =>
      supervise(
        workerCount > 1 ? `worker ${i + 1}/${workerCount}` : "worker",
        () =>
          spawn(bin("tsx"), [join(root, "workers", "index.ts")], {
            cwd: root,
            env: { ...env, ...malloc, MERCHLOOP_PROCESS: `worker-${i + 1}` },
            stdio: "inherit",
          }),
        { say, graceMs: 25_000 },
      ),
    );
    const started = await Promise.allSettled([...web.started, ...workers]);
    for (const r of started) if (r.status === "fulfilled") apps.push(r.value);
    const failed = started.find((r) => r.status === "rejected");
    if (failed) throw failed.reason;

    say(`Merchloop is running at ${parsed.appUrl}  (admin: ${parsed.appUrl}/admin) — ${webCount} web (${web.sharing}) and ${workerCount} worker processes`);
    say(`providers: ${Object.entries(parsed.providers).map(([k, v]) => `${k}=${v}`).join(" ")}`);
    say("sign in with the admin email and password from first start (or ADMIN_EMAIL / ADMIN_PASSWORD). Ctrl-C stops everything.");
  } catch (err) {
    const e = err as Error;
    process.stderr.write(`\n[merchloop] cannot start: ${e.message}\n`);
    await shutdown(1, "start-up failed");
  }
}

if (require.main === module) void main();
