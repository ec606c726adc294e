import { db } from "../server/db";
import { env } from "../server/env";
import { queue } from "../server/queues/connection";
import { log } from "../server/log";
import { syncPromoteSchedulers } from "./processors/promote";

/** One repeatable ingest job per enabled source (interval from the source row or env). */
export async function syncSchedulers() {
  const q = queue("ingest");
  const sources = await db.source.findMany();
  const existing = new Set((await q.getJobSchedulers()).map((s) => s.key));
  for (const s of sources) {
    const key = `ingest-${s.key}`;
    if (!s.enabled || s.kind === "CALENDAR") {
      if (existing.has(key)) await q.removeJobScheduler(key);
      continue;
    }
    const every = (s.intervalMinutes || env().INGEST_INTERVAL_MINUTES) * 60_000;
    await q.upsertJobScheduler(key, { every }, { name: "ingest", data: { sourceKey: s.key } });
  }
  log.info({ sources: sources.length }, "ingest schedulers in place");
  await syncGrowthSchedulers();
  await syncPromoteSchedulers();
}

/** Nightly weight learning (LEARN_WEIGHTS_CRON, UTC), budgets and the SLA every minute, experiment winners every 5. */
export async function syncGrowthSchedulers() {
  const q = queue("growth");
  await q.upsertJobScheduler("growth-learn-weights", { pattern: env().LEARN_WEIGHTS_CRON, tz: "UTC" }, { name: "growth", data: { task: "learn-weights" } });
  await q.upsertJobScheduler("growth-enforce-budgets", { every: 60_000 }, { name: "growth", data: { task: "enforce-budgets" } });
  await q.upsertJobScheduler("growth-check-sla", { every: 60_000 }, { name: "growth", data: { task: "check-sla" } });
  await q.upsertJobScheduler("growth-promote-winners", { every: 5 * 60_000 }, { name: "growth", data: { task: "promote-winners" } });
}
