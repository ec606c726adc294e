/**
 * A process outlives its stores' restarts: a queue first used while Redis was unreachable works once
 * Redis is back, and an idle Postgres connection that the server ends is dropped, not thrown.
 */
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { startLocalRedis } from "../scripts/lib/services";
import type { Supervised } from "../scripts/lib/supervise";
import { keepPgConnectionsOpen, pgPool } from "../server/db";
import { resetEnvCache } from "../server/env";
import { closeQueues, queue, redis } from "../server/queues/connection";
import { enqueue } from "../server/queues/enqueue";
import { waitFor } from "./helpers/wait";

const freePort = () =>
  new Promise<number>((res) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => res(port));
    });
  });

const savedRedisUrl = process.env.REDIS_URL;
let service: Supervised | undefined;

afterEach(async () => {
  await closeQueues();
  await service?.stop();
  service = undefined;
  process.env.REDIS_URL = savedRedisUrl;
  resetEnvCache();
});

describe("stores coming back", () => {
  it("a queue made ready while Redis died adds jobs once Redis is back", async () => {
    const port = await freePort();
    await closeQueues();
    process.env.REDIS_URL = `redis://127.0.0.1:${port}`;
    resetEnvCache();
    const dataDir = mkdtempSync(join(tmpdir(), "merchloop-recovery-"));
    service = (await startLocalRedis(dataDir, port)).service;
    await waitFor("the shared client", async () => redis().status === "ready", 20_000);
    // The first add on this queue in this process readies it (a version check) just as Redis dies:
    // frozen, so the check is in flight, then killed. Redis stays down until that add has failed (a
    // supervisor's quick restart could otherwise beat the client's retries and the add succeed), then
    // comes back on the same port.
    service.current()!.kill("SIGSTOP");
    const first = enqueue("payment", { eventId: "evt_down" }, { jobId: "evt_down" });
    await new Promise((r) => setTimeout(r, 200));
    service.retire();
    service.current()!.kill("SIGKILL");
    await expect(first).rejects.toThrow(/max retries/);
    service = (await startLocalRedis(dataDir, port)).service;

    await waitFor("the shared client to reconnect", async () => redis().status === "ready", 20_000);
    // The same process, the same queue name: BullMQ kept the failed readiness, so every add failed.
    await enqueue("payment", { eventId: "evt_back" }, { jobId: "evt_back" });
    expect(await queue("payment").getJobState("evt_back")).toBe("waiting");
  });

  it("an idle pooled Postgres connection ended by the server is dropped, and the pool connects again", async () => {
    const pool = pgPool();
    await keepPgConnectionsOpen(1);
    const { rows } = await pool.query<{ pid: number }>("select pg_backend_pid() as pid");
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      await admin.query("select pg_terminate_backend($1)", [rows[0].pid]);
    } finally {
      await admin.end();
    }
    // Without a listener on the pool this was an uncaught exception (vitest fails the run on one).
    await waitFor("the pool to drop it", async () => pool.totalCount === 0, 10_000);
    expect((await pool.query<{ one: number }>("select 1 as one")).rows[0].one).toBe(1);
  });
});
