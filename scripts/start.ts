/**
 * `npm start`: everything Merchloop needs, in one command.
 * Postgres (embedded when DATABASE_URL is unset) · Redis (local redis-server when REDIS_URL is unset)
 * · migrations · idempotent demo seed · production build when sources changed · Next.js + workers.
 * Ctrl-C / SIGTERM stops it all cleanly; data stays in .data/ for the next start.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import pg from "pg";
import { persistedSecrets, say, startEmbeddedPostgres, startLocalRedis } from "./lib/services";
import { APPLIED_MIGRATIONS_SQL, missingMigrations, shippedMigrations } from "../server/services/system/migrations";

const root = resolve(__dirname, "..");
const bin = (name: string) => join(root, "node_modules", ".bin", name);

function loadDotEnv() {
  const file = join(root, ".env");
  if (existsSync(file)) process.loadEnvFile(file);
}

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

export async function main() {
  loadDotEnv();
  const dataDir = resolve(root, process.env.DATA_DIR ?? ".data");
  mkdirSync(dataDir, { recursive: true });
  const secrets = persistedSecrets(dataDir);
  const port = Number(process.env.PORT ?? 3000);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATA_DIR: dataDir,
    PORT: String(port),
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || secrets.NEXTAUTH_SECRET,
    CRON_SECRET: process.env.CRON_SECRET || secrets.CRON_SECRET,
    LOCAL_WEBHOOK_SECRET: process.env.LOCAL_WEBHOOK_SECRET || secrets.LOCAL_WEBHOOK_SECRET,
    // npm start is the demo: without Stripe keys it opts in to the local test checkout (docker-compose does not).
    PAYMENTS_PROVIDER: process.env.PAYMENTS_PROVIDER || (process.env.STRIPE_SECRET_KEY ? "stripe" : "local"),
  };
  env.APP_URL ||= `http://localhost:${port}`;
  env.NEXTAUTH_URL ||= env.APP_URL;

  const cleanups: Array<() => Promise<unknown>> = [];
  const children: ChildProcess[] = [];
  let stopping = false;
  const shutdown = async (code: number, why: string) => {
    if (stopping) return;
    stopping = true;
    say(`stopping (${why})…`);
    for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
    await Promise.all(
      children.map(
        (c) =>
          new Promise<void>((res) => {
            if (c.exitCode !== null || c.signalCode !== null) return res();
            const t = setTimeout(() => (c.kill("SIGKILL"), res()), 15_000);
            c.once("exit", () => (clearTimeout(t), res()));
          }),
      ),
    );
    for (const fn of cleanups.reverse()) await fn().catch((e) => say(`cleanup: ${(e as Error).message}`));
    rmSync(join(dataDir, "services.env"), { force: true });
    say("stopped");
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0, "SIGINT"));
  process.on("SIGTERM", () => void shutdown(0, "SIGTERM"));

  try {
    if (!env.DATABASE_URL) {
      const pgDb = await startEmbeddedPostgres(dataDir, Number(process.env.EMBEDDED_PG_PORT ?? 54329));
      env.DATABASE_URL = pgDb.url;
      cleanups.push(async () => {
        await pgDb.stop();
        say("embedded Postgres stopped");
      });
    }
    if (!env.REDIS_URL) {
      const r = await startLocalRedis(dataDir, Number(process.env.LOCAL_REDIS_PORT ?? 63790));
      env.REDIS_URL = r.url;
      cleanups.push(
        () =>
          new Promise<void>((res) => {
            if (r.proc.exitCode !== null) return res();
            r.proc.once("exit", () => res());
            r.proc.kill("SIGTERM");
            say("redis-server stopped");
          }),
      );
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
    const memEnv = (name: string) => ({
      MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? "2",
      NODE_OPTIONS: [process.env.NODE_OPTIONS, name === "web" ? `--max-old-space-size=${process.env.WEB_MAX_OLD_SPACE_MB ?? 384}` : ""].filter(Boolean).join(" "),
    });
    const start = (name: string, cmd: string, args: string[]) => {
      const child = spawn(cmd, args, { cwd: root, env: { ...env, ...memEnv(name), MERCHLOOP_PROCESS: name }, stdio: "inherit" });
      child.on("exit", (code, sig) => {
        if (!stopping) void shutdown(1, `${name} exited (${code ?? sig})`);
      });
      children.push(child);
    };
    start("web", bin("next"), ["start", "-p", String(port)]);
    start("worker", bin("tsx"), [join(root, "workers", "index.ts")]);

    say(`Merchloop is running at ${parsed.appUrl}  (admin: ${parsed.appUrl}/admin)`);
    say(`providers: ${Object.entries(parsed.providers).map(([k, v]) => `${k}=${v}`).join(" ")}`);
    say("sign in with the admin email and password printed above on first start (or ADMIN_EMAIL / ADMIN_PASSWORD). Ctrl-C stops everything.");
  } catch (err) {
    const e = err as Error & { issues?: string[] };
    process.stderr.write(`\n[merchloop] cannot start: ${e.message}\n`);
    await shutdown(1, "start-up failed");
  }
}

if (require.main === module) void main();
