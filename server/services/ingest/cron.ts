import { timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { db } from "../../db";
import { AppError } from "../../errors";
import { enqueue } from "../../queues/enqueue";
import { SOURCE_KEY } from "./sources/registry";

// Cron triggers: an external scheduler POSTs with `Authorization: Bearer <CRON_SECRET>`.

export type CronGuard = { ok: true } | { ok: false; status: 401 | 503; message: string };

/** 503 when CRON_SECRET is not configured, 401 unless the bearer token matches it exactly. */
export function checkCronAuth(authorization: string | null | undefined, secret: string | undefined): CronGuard {
  if (!secret) return { ok: false, status: 503, message: "Cron is disabled: set CRON_SECRET to enable it" };
  const m = /^Bearer\s+(.+)$/i.exec(authorization?.trim() ?? "");
  const given = Buffer.from(m?.[1] ?? "");
  const want = Buffer.from(secret);
  if (!m || given.length !== want.length || !timingSafeEqual(given, want)) {
    return { ok: false, status: 401, message: "Missing or wrong bearer token" };
  }
  return { ok: true };
}

export const ZCronIngestBody = z.object({ source: z.string().regex(SOURCE_KEY, "a source key: reddit, rss:<name>, csv or calendar").optional() }).strict();

/** Enqueue an ingest job for every enabled source (or just `source`). Returns the keys queued. */
export async function enqueueIngestForSources(opts: { source?: string } = {}) {
  const sources = await db.source.findMany({ where: { enabled: true, kind: { not: "CSV" }, ...(opts.source ? { key: opts.source } : {}) }, select: { key: true } });
  if (opts.source && !sources.length) throw new AppError("NOT_FOUND", `No enabled source "${opts.source}"`);
  const jobs = [];
  for (const s of sources) {
    const job = await enqueue("ingest", { sourceKey: s.key });
    jobs.push({ sourceKey: s.key, jobId: job.id ?? null });
  }
  return jobs;
}
