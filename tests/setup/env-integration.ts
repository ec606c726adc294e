import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { dbUrl, DB_PREFIX } from "./db";

// Each vitest worker gets its own database (cloned from the migrated template in global setup),
// its own Redis key prefix and its own data directory. Files in one worker share them, so tests
// make unique data with the factories in tests/helpers.
const pool = Number(process.env.VITEST_POOL_ID ?? 1);
const slot = ((pool - 1) % Number(process.env.TEST_WORKERS ?? 2)) + 1;
(process.env as Record<string, string>).NODE_ENV = "test";
process.env.DATABASE_URL = dbUrl(`${DB_PREFIX}_${slot}`);
process.env.REDIS_URL = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
process.env.QUEUE_PREFIX = `mltest-${slot}-${process.pid}`;
process.env.DATA_DIR = mkdtempSync(join(tmpdir(), "merchloop-test-"));
process.env.LOG_LEVEL = "silent";
process.env.NEXTAUTH_SECRET = "test-secret-test-secret-test-secret";
process.env.CRON_SECRET = "test-cron-secret-0123456789";

afterAll(async () => {
  const { closeQueues } = await import("../../server/queues/connection");
  const { disconnectDb } = await import("../../server/db");
  await closeQueues();
  await disconnectDb();
});
