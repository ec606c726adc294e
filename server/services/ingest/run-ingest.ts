import { db } from "../../db";
import { log } from "../../log";
import { AppError } from "../../errors";
import { enqueue } from "../../queues/enqueue";
import { writeBehind } from "../../write-behind";
import { loadDenylist } from "../moderation/denylist";
import { signalBloom } from "./bloom";
import { loadCalendar } from "./calendar";
import type { SignalDraft } from "./normalize";
import { bump, storeBatch, type StoreContext } from "./store-signals";
import { redditFiles, redditSubreddits } from "./sources/reddit";
import { rssFeed } from "./sources/rss";
import { csvFile } from "./sources/csv";
import { sourceForKey } from "./sources/registry";
import type { SourceChunk } from "./sources/types";

export type IngestSummary = { read: number; new: number; updated: number; rejected: Record<string, number> };
export type IngestProgress = { stage: "read" | "stored" | "done"; label: string; summary: IngestSummary; error?: string };
export type RunIngestInput = { sourceKey: string; from?: string; onProgress?: (p: IngestProgress) => void | Promise<void>; batchSize?: number };

export const INGEST_BATCH_SIZE = 500;

/**
 * Read one source and store what it says as signals: batch by batch, duplicates folded into one
 * signal (counted as updated), unsafe content stored REJECTED, stickied/removed/deleted posts
 * reported but not stored. A rerun of the same input adds nothing. Enqueues scoring when new
 * signals arrived.
 */
export async function runIngest({ sourceKey, from, onProgress, batchSize = INGEST_BATCH_SIZE }: RunIngestInput): Promise<IngestSummary> {
  const source = await sourceForKey(sourceKey);
  const summary: IngestSummary = { read: 0, new: 0, updated: 0, rejected: {} };
  const report = async (stage: IngestProgress["stage"], label: string, error?: string) => {
    await onProgress?.({ stage, label, summary: structuredClone(summary), error });
  };

  if (source.kind === "CALENDAR") {
    Object.assign(summary, await loadCalendar(from));
  } else {
    const ctx = await storeContext(source.id);
    let pending: SignalDraft[] = [];
    // Batches are stored one at a time, in order (so a repeat in a later batch finds the earlier
    // one stored), but in the background: the next file or listing is read and normalised while
    // Postgres stores this batch.
    const writes = writeBehind();
    const flush = async (label: string) => {
      if (!pending.length) return;
      const batch = pending;
      pending = [];
      await writes.next(async () => {
        const r = await storeBatch(batch, ctx);
        summary.new += r.new;
        summary.updated += r.updated;
        for (const [k, n] of Object.entries(r.rejected)) bump(summary.rejected, k, n);
        await report("stored", label);
      });
    };
    try {
      for await (const chunk of chunksFor(source.kind, source.key, source.config, from)) {
        summary.read += chunk.drafts.length + chunk.invalid;
        bump(summary.rejected, "invalid", chunk.invalid);
        await report("read", chunk.label, chunk.error);
        for (const d of chunk.drafts) {
          pending.push(d);
          if (pending.length >= batchSize) await flush(chunk.label);
        }
      }
      await flush("last batch");
      await writes.drain();
    } catch (e) {
      await writes.settle();
      throw e;
    }
  }

  await db.source.update({ where: { id: source.id }, data: { lastRunAt: new Date() } });
  if (summary.new > 0 && source.kind !== "CALENDAR") await enqueueScoring(sourceKey);
  await report("done", sourceKey);
  log.info({ sourceKey, ...summary }, "ingest finished");
  return summary;
}

function chunksFor(kind: string, key: string, config: unknown, from?: string): AsyncIterable<SourceChunk> {
  if (kind === "REDDIT" || kind === "LOCAL") return from ? redditFiles(from) : redditSubreddits();
  if (kind === "RSS") return rssFeed(key.replace(/^rss:/, ""), (config as { url?: string } | null)?.url, from);
  if (kind === "CSV") {
    if (!from) throw new AppError("BAD_REQUEST", "The csv source needs --from <file.csv>");
    return csvFile(from);
  }
  throw new AppError("BAD_REQUEST", `Source kind ${kind} cannot be ingested`);
}

async function storeContext(sourceId: string): Promise<StoreContext> {
  const [nsfw, denylist] = await Promise.all([
    db.subreddit.findMany({ where: { nsfw: true }, select: { name: true } }),
    loadDenylist().catch((e: Error) => {
      log.error({ err: e.message }, "denylist could not be loaded; rejecting every new item (fail closed)");
      return null;
    }),
  ]);
  return { sourceId, nsfwCommunities: new Set(nsfw.map((s) => s.name)), denylist, bloom: signalBloom() };
}

/** At most one score job per 15 s window, however many ingests finish in it. */
async function enqueueScoring(sourceKey: string) {
  const slot = Math.floor(Date.now() / 15_000);
  await enqueue("score", { reason: `ingest:${sourceKey}` }, { jobId: `score-after-ingest-${slot}` }).catch((e: Error) =>
    log.warn({ err: e.message }, "could not enqueue scoring after ingest"),
  );
}
