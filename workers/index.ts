import { hostname } from "node:os";
import { Worker } from "bullmq";
import { env } from "../server/env";
import { disconnectDb } from "../server/db";
import { log } from "../server/log";
import { queueNames, type QueueName } from "../server/queues/contracts";
import { closeQueues, createRedis, queuePrefix, redis } from "../server/queues/connection";
import { processors } from "./processors";
import { tracked } from "./tracked";
import { lowerCpuPriority } from "./cpu-priority";
import { stopWithSupervisor } from "../server/supervisor";
import { syncSchedulers } from "./schedulers";

import { heartbeatKey } from "../server/services/system/status";
import { requeueUnappliedEvents } from "../server/services/payments/requeue-unapplied";

// Per-queue concurrency: design work is CPU- and memory-heavy (libvips already uses every core
// inside one design), so one at a time; I/O-bound queues go wide.
const concurrency = (q: QueueName, base: number) =>
  ({ ingest: 1, score: 1, design: 1, publish: base * 2, commission: base, payment: base * 4, refund: base, fulfilment: base * 2, "fulfilment-event": base * 2, "local-fulfilment": base * 2, growth: 1, promote: base, socialPost: base * 2, socialSweep: 1 })[q];

export async function startWorkers() {
  const e = env();
  if (e.WORKER_NICE) {
    try {
      lowerCpuPriority(e.WORKER_NICE);
    } catch (err) {
      log.warn({ err: (err as Error).message }, "could not lower the worker's CPU priority");
    }
  }
  const only = (e.WORKER_QUEUES ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const served = queueNames.filter((q) => !only.length || only.includes(q));
  const workers = served.map((name) => {
    const w = new Worker(name, tracked(name, processors[name] as never), {
      connection: createRedis(),
      prefix: queuePrefix(),
      concurrency: concurrency(name, e.WORKER_JOB_CONCURRENCY),
      // A crashed worker's jobs are re-delivered once their lock lapses (stalled-job check).
      lockDuration: e.WORKER_LOCK_MS,
      stalledInterval: Math.max(1_000, Math.round(e.WORKER_LOCK_MS / 2)),
      maxStalledCount: 3,
    });
    w.on("failed", (job, err) => log.warn({ queue: name, jobId: job?.id, err: err.message }, "job attempt failed"));
    w.on("error", (err) => log.error({ queue: name, err: err.message }, "worker error"));
    return w;
  });

  const beat = async () => {
    const info = { pid: process.pid, host: hostname(), at: new Date().toISOString(), queues: queueNames };
    await redis().set(heartbeatKey(), JSON.stringify(info), "EX", 60).catch((err) => log.warn({ err: err.message }, "heartbeat failed"));
  };
  await beat();
  const heartbeat = setInterval(beat, 5_000);
  // Stripe events stored while Redis was down (or lost with it) are delivered once it is back.
  const requeue = setInterval(() => {
    requeueUnappliedEvents(e.WORKER_REQUEUE_MS * 2).then(
      (n) => n && log.info({ events: n }, "requeued unapplied stripe events"),
      (err: Error) => log.warn({ err: err.message }, "requeue of stripe events failed"),
    );
  }, e.WORKER_REQUEUE_MS);
  await syncSchedulers().catch((err) => log.error({ err: err.message }, "could not set up schedulers"));

  log.info({ queues: queueNames, providers: e.providers }, "workers started");

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "workers stopping: no new jobs, letting active ones finish");
    clearInterval(heartbeat);
    clearInterval(requeue);
    const graceful = Promise.all(workers.map((w) => w.close()));
    const timeout = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), e.WORKER_SHUTDOWN_TIMEOUT_MS).unref());
    if ((await Promise.race([graceful, timeout])) === "timeout") {
      log.warn("active jobs did not finish in time; forcing close (they will be retried)");
      await Promise.all(workers.map((w) => w.close(true)));
    }
    await redis().del(heartbeatKey()).catch(() => undefined);
    await closeQueues();
    await disconnectDb();
    log.info("workers stopped");
  };
  return { workers, stop };
}

if (process.argv[1] && /workers[\\/]index\.ts$/.test(process.argv[1])) {
  startWorkers()
    .then(({ stop }) => {
      const exit = (why: string) =>
        stop(why).then(
          () => process.exit(0),
          (err) => {
            log.error({ err }, "shutdown error");
            process.exit(1);
          },
        );
      for (const sig of ["SIGTERM", "SIGINT"] as const) process.once(sig, () => void exit(sig));
      stopWithSupervisor(() => void exit("supervisor gone"));
    })
    .catch((err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
}


