/**
 * `npm test`: every test, in order — typecheck, lint, unit, integration (real Postgres + Redis),
 * and Playwright end-to-end tests in real Chromium against a production build.
 * Uses Postgres at 127.0.0.1:5432 and Redis at 127.0.0.1:6379 when they answer (or
 * TEST_DATABASE_ADMIN_URL / TEST_REDIS_URL); otherwise starts an embedded Postgres and a local
 * redis-server under .data/ for the run.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { stripVTControlCharacters } from "node:util";
import pg from "pg";
import { Redis } from "ioredis";
import { say, startEmbeddedPostgres, startLocalRedis } from "./lib/services";
import { buildNeeded } from "./start";

const root = resolve(__dirname, "..");
const bin = (n: string) => join(root, "node_modules", ".bin", n);

async function pgAnswers(url: string) {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

async function redisAnswers(url: string) {
  const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 2000 });
  r.on("error", () => undefined);
  try {
    await r.connect();
    return (await r.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}

const firstLine = (m: unknown) => stripVTControlCharacters(String(m ?? "")).split("\n").find((l) => l.trim())?.trim().slice(0, 200) ?? "";

type VitestReport = { testResults?: Array<{ name: string; message?: string; assertionResults?: Array<{ status: string; fullName: string; failureMessages?: string[] }> }> };
function vitestFailures(j: VitestReport): string[] {
  const out: string[] = [];
  for (const file of j.testResults ?? []) {
    const rel = file.name.replace(`${root}/`, "");
    const bad = (file.assertionResults ?? []).filter((a) => a.status === "failed");
    for (const a of bad) out.push(`${rel} › ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`);
    if (bad.length === 0 && file.message) out.push(`${rel}: ${firstLine(file.message)}`); // the file itself failed (hook, import)
  }
  return out;
}

type PwSuite = { title: string; file?: string; specs?: Array<{ title: string; tests?: Array<{ status?: string; results?: Array<{ error?: { message?: string } }> }> }>; suites?: PwSuite[] };
function playwrightFailures(j: { suites?: PwSuite[] }): string[] {
  const out: string[] = [];
  const walk = (s: PwSuite) => {
    for (const spec of s.specs ?? [])
      for (const t of spec.tests ?? [])
        if (t.status === "unexpected" || t.status === "flaky") out.push(`${s.file ?? s.title} › ${spec.title}${t.status === "flaky" ? " (passed on retry)" : ""}: ${firstLine(t.results?.find((r) => r.error)?.error?.message)}`);
    for (const c of s.suites ?? []) walk(c);
  };
  for (const s of j.suites ?? []) walk(s);
  return out;
}

type Step = { name: string; cmd: string; args: string[]; report?: string };

async function main() {
  const only = process.argv.slice(2);
  const cleanups: Array<() => Promise<unknown> | void> = [];
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

  const adminUrl = env.TEST_DATABASE_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  if (await pgAnswers(adminUrl)) env.TEST_DATABASE_ADMIN_URL = adminUrl;
  else {
    say(`no Postgres answers at ${adminUrl}: starting an embedded one for the tests`);
    const e = await startEmbeddedPostgres(join(root, ".data", "test"), 54330);
    env.TEST_DATABASE_ADMIN_URL = e.url.replace(/\/merchloop$/, "/postgres");
    cleanups.push(() => e.service.stop());
  }
  const redisUrl = env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
  if (await redisAnswers(redisUrl)) env.TEST_REDIS_URL = redisUrl;
  else {
    say(`no Redis answers at ${redisUrl}: starting a local redis-server for the tests`);
    const r = await startLocalRedis(join(root, ".data", "test"), 63791);
    env.TEST_REDIS_URL = r.url;
    cleanups.push(() => r.service.stop());
  }
  env.REDIS_URL = env.TEST_REDIS_URL;

  const reports = join(root, "test-results");
  const steps: Step[] = [
    { name: "typecheck", cmd: bin("tsc"), args: ["--noEmit"] },
    { name: "lint", cmd: bin("eslint"), args: [".", "--max-warnings=-1"] },
    { name: "unit", cmd: bin("vitest"), args: ["run", "--project", "unit", "--reporter=default", "--reporter=json", `--outputFile.json=${reports}/unit.json`], report: `${reports}/unit.json` },
    // Build as its own step, before the integration tests that run `next start` processes and
    // outside Playwright's server start-up timeout; skipped when up to date.
    { name: "build", cmd: bin("next"), args: ["build"] },
    { name: "integration", cmd: bin("vitest"), args: ["run", "--project", "integration", "--reporter=default", "--reporter=json", `--outputFile.json=${reports}/integration.json`], report: `${reports}/integration.json` },
    { name: "e2e", cmd: bin("playwright"), args: ["test"], report: `${reports}/e2e.json` },
  ]
    .filter((s) => only.length === 0 || only.includes(s.name) || (s.name === "build" && (only.includes("e2e") || only.includes("integration"))))
    .filter((s) => s.name !== "build" || buildNeeded());

  rmSync(reports, { recursive: true, force: true });
  const results: Array<{ name: string; ok: boolean; seconds: number }> = [];
  let passed = 0;
  let failed = 0;
  // Names of the failed tests, repeated after the summary so the end of a long log says which.
  const failures: string[] = [];
  for (const s of steps) {
    say(`── ${s.name} ──`);
    const t = Date.now();
    const stepEnv = s.name === "e2e" ? { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: s.report, PLAYWRIGHT_REPORTER: "" } : env;
    const args = s.name === "e2e" ? [...s.args, "--reporter=list,json"] : s.args;
    const r = spawnSync(s.cmd, args, { cwd: root, env: s.name === "build" ? { ...stepEnv, NODE_ENV: "production" } : stepEnv, stdio: "inherit" });
    const ok = r.status === 0;
    results.push({ name: s.name, ok, seconds: Math.round((Date.now() - t) / 1000) });
    if (s.report && existsSync(s.report)) {
      const j = JSON.parse(readFileSync(s.report, "utf8"));
      if (s.name === "e2e") {
        passed += j.stats?.expected ?? 0;
        failed += (j.stats?.unexpected ?? 0) + (j.stats?.flaky ?? 0);
        failures.push(...playwrightFailures(j));
      } else {
        passed += j.numPassedTests ?? 0;
        failed += j.numFailedTests ?? 0;
        failures.push(...vitestFailures(j));
      }
    } else if (!ok && s.report) failed += 1;
  }
  for (const fn of cleanups) await fn();

  say("── summary ──");
  for (const r of results) say(`${r.ok ? "ok  " : "FAIL"} ${r.name} (${r.seconds}s)`);
  const allOk = results.every((r) => r.ok);
  for (const f of failures) say(`failed: ${f}`);
  console.log(`tests: ${passed} passed, ${failed} failed`);
  process.exit(allOk ? 0 : 1);
}

void main();
