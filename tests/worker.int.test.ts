import { describe, expect, it } from "vitest";
import { db } from "../server/db";
import { enqueue } from "../server/queues/enqueue";
import { queue, redis } from "../server/queues/connection";
import { heartbeatKey } from "../server/services/system/status";
import { startWorkers } from "../workers/index";
import { waitFor } from "./helpers/wait";


describe("worker process", () => {
  it("registers every queue, beats, records job runs and shuts down cleanly", async () => {
    const { workers, stop } = await startWorkers();
    expect(workers.map((w) => w.name).sort()).toEqual(["commission", "design", "fulfilment", "fulfilment-event", "growth", "ingest", "local-fulfilment", "payment", "promote", "publish", "refund", "score", "socialPost", "socialSweep"]);

    const beat = JSON.parse((await redis().get(heartbeatKey()))!);
    expect(beat.pid).toBe(process.pid);

    const job = await enqueue("score", { reason: "test" });
    const run = await waitFor("the score job run", () => db.jobRun.findFirst({ where: { id: `score-${job.id}`, status: { in: ["DONE", "FAILED"] } } }));
    expect(run.status).toBe("DONE");
    expect(run.attempts).toBe(1);
    expect(run.durationMs).not.toBeNull();

    await stop("test");
    expect(workers.some((w) => w.isRunning())).toBe(false);
    expect(await redis().get(heartbeatKey())).toBeNull();
  });

  it("a job whose payload breaks the queue contract fails with a clear error", async () => {
    const { stop } = await startWorkers();
    const bad = await queue("design").add("design", { designId: 42 }, { attempts: 1 });
    const failed = await waitFor("the job to fail", async () => ((await bad.isFailed()) ? await queue("design").getJob(bad.id!) : null));
    expect(failed?.failedReason).toMatch(/designId/);
    await stop("test");
  });
});
