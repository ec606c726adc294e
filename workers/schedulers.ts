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
  await syncPromoteSchedulers();
}
