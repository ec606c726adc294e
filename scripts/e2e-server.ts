/**
 * The server Playwright tests run against: the production build started exactly as `npm start`
 * does (web + workers, seeded), on a fresh database cloned from the migrated test template.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DB_PREFIX, ensureTemplate, freshDatabase } from "../tests/setup/db";
import { ADMIN as E2E_ADMIN, E2E_SERVER_ENV } from "../e2e/admin";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);

async function mainE2E() {
  await ensureTemplate();
  process.env.DATABASE_URL = await freshDatabase(`${DB_PREFIX}_e2e`);
  process.env.REDIS_URL ??= process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
  process.env.QUEUE_PREFIX = `mle2e-${process.pid}`;
  process.env.DATA_DIR = mkdtempSync(join(tmpdir(), "merchloop-e2e-"));
  process.env.PORT = String(E2E_PORT);
  process.env.APP_URL = `http://localhost:${E2E_PORT}`;
  process.env.ADMIN_EMAIL = E2E_ADMIN.email;
  process.env.ADMIN_PASSWORD = E2E_ADMIN.password;
  process.env.DEMO_APPROVALS = "0";
  for (const [k, v] of Object.entries(E2E_SERVER_ENV)) process.env[k] ??= v;
  process.env.WORKER_JOB_CONCURRENCY ??= "2";
  process.env.WEB_CONCURRENCY ??= "1";
  process.env.WORKER_CONCURRENCY ??= "1";
  process.env.LOCAL_FULFILMENT_STEP_SECONDS ??= "2"; // the local print shop ships within seconds

  const { main } = await import("./start");
  await main();
}

if (require.main === module) void mainE2E();
