import { db } from "../../db";
import { log } from "../../log";
import { embeddings } from "../../providers/embeddings";
import type { ProviderUsage } from "../../providers/usage";
import { recordUsage } from "../costs/record-cost";
import { getSetting } from "../settings";
import { approveIdea } from "../ideas/approve-idea";
import { writeIdeaForSignal } from "../ideas/write-idea";
import { loadCommunityOutcomes, loadEngagementBaselines, loadIdeaCentroid, loadSeasonIndex } from "./context";
import { communityFit, engagement, engagementRate, FACTORS, freshness, novelty, weightedTotal, type FactorName } from "./factors";
import { seasonality } from "./seasonality";
import { cosine } from "./vector";
import { loadWeights } from "./weights";
import { withScoringLock } from "./lock";
import { writeBatch, type BreakdownRow } from "./persist";
import { writeBehind } from "../../write-behind";

export const SCORE_BATCH = 1000;

const r4 = (x: number) => Math.round(x * 10_000) / 10_000;

type Candidate = { id: string; total: number };

export type ScoreOptions = {
  now?: Date;
  /** Store Signal.embedding for scored signals (one UPDATE per batch either way). Default true. */
  storeEmbeddings?: boolean;
  batchSize?: number;
  onProgress?: (scored: number) => void;
};

/** The text a signal is embedded from: title, keywords and the start of the body. */
export const signalText = (s: { title: string; keywords: string[]; body: string }) => `${s.title}\n${s.keywords.join(" ")}\n${s.body.slice(0, 500)}`;

/**
 * Scores every NEW signal in batches (REJECTED ones are never touched), stores one ScoreBreakdown
 * per signal with the inputs of each factor and the weights used, marks them SCORED, then turns the
 * best `ideasPerRun` (with total ≥ minTotal) into ideas (SCORED → IDEATED). Safe to re-run: only NEW
 * signals are scored and the breakdown is unique per signal. One run at a time (Redis lock).
 */
export async function scoreNewSignals(opts: ScoreOptions = {}): Promise<{ scored: number; ideaIds: string[] }> {
  const result = await withScoringLock(() => scoreRun(opts));
  if (!result) log.info("another scoring run holds the lock; skipping this one");
  return result ?? { scored: 0, ideaIds: [] };
}

async function scoreRun(opts: ScoreOptions) {
  const now = opts.now ?? new Date();
  const batchSize = opts.batchSize ?? SCORE_BATCH;
  const storeEmbeddings = opts.storeEmbeddings ?? true;
  const [weights, baselines, outcomes, season, ideasPerRun] = await Promise.all([
    loadWeights(),
    loadEngagementBaselines(now),
    loadCommunityOutcomes(),
    loadSeasonIndex(),
    getSetting("ideasPerRun"),
  ]);
  const provider = embeddings();
  const weightSnapshot = { ...weights };
  let ideaCentroid: Awaited<ReturnType<typeof loadIdeaCentroid>> | undefined;

  const candidates: Candidate[] = [];
  let scored = 0;
  let cursor: string | undefined;
  // Batch k is written while batch k+1 is read and scored; at most one write is in flight.
  const writes = writeBehind();
  try {
    for (;;) {
      const batch = await db.signal.findMany({
        where: { status: "NEW", ...(cursor ? { id: { gt: cursor } } : {}) },
        orderBy: { id: "asc" },
        take: batchSize,
        select: { id: true, community: true, title: true, body: true, keywords: true, score: true, comments: true, postedAt: true, updatedAt: true },
      });
      if (!batch.length) break;
      cursor = batch[batch.length - 1].id;

      const usages: ProviderUsage[] = [];
      const vectors = await provider.embed(batch.map(signalText), { onUsage: (u) => usages.push(u) });
      for (const u of usages) await recordUsage(u, { community: batch.length === 1 ? batch[0].community : null, signalId: batch.length === 1 ? batch[0].id : null });
      ideaCentroid ??= await loadIdeaCentroid(now, vectors[0]?.length ?? 0);

      const rows: BreakdownRow[] = batch.map((s, i) => {
        const f = freshness(s.postedAt, now, weights.halfLifeHours);
        const e = engagement(engagementRate(s.score, s.comments, s.postedAt, s.updatedAt), baselines.baselineFor(s.community));
        const n = novelty(ideaCentroid!.centroid ? cosine(vectors[i], ideaCentroid!.centroid) : null);
        const o = (s.community && outcomes.get(s.community)) || { good: 0, decided: 0 };
        const c = communityFit(o.good, o.decided);
        const z = seasonality(s, now, season);
        const values: Record<FactorName, number> = { freshness: f.value, engagement: e.value, novelty: n.value, communityFit: c.value, seasonality: z.value };
        const total = weightedTotal(values, weights);
        if (total >= weights.minTotal) candidates.push({ id: s.id, total });
        return {
          signalId: s.id,
          ...(Object.fromEntries(FACTORS.map((k) => [k, r4(values[k])])) as Record<FactorName, number>),
          total: r4(total),
          weights: weightSnapshot,
          explanation: {
            now: now.toISOString(),
            freshness: { ageHours: r4(f.ageHours), halfLifeHours: f.halfLifeHours, postedAt: s.postedAt.toISOString() },
            engagement: {
              score: s.score, comments: s.comments, observedAt: s.updatedAt.toISOString(), ratePerHour: r4(e.rate),
              logRate: r4(e.logRate), median: r4(e.median), spread: r4(e.spread), z: r4(e.z), history: e.n, baseline: e.baseline,
            },
            novelty: { similarity: n.similarity === null ? null : r4(n.similarity), recentIdeas: ideaCentroid!.count, provider: provider.name },
            communityFit: { community: s.community, approved: c.good, decided: c.decided, alpha: c.alpha, beta: c.beta },
            seasonality: { event: z.event },
          },
        };
      });

      await writes.next(async () => {
        await writeBatch(rows, batch.map((s) => s.id), storeEmbeddings ? vectors : null);
        scored += batch.length;
        opts.onProgress?.(scored);
      });
    }
    await writes.drain();
  } catch (e) {
    await writes.settle(); // no write left running when the run (and its lock) ends
    throw e;
  }

  candidates.sort((a, b) => b.total - a.total || a.id.localeCompare(b.id));
  const best = candidates.slice(0, ideasPerRun);
  const ideaIds: string[] = [];
  const failures: string[] = [];
  for (const c of best) {
    try {
      ideaIds.push((await writeIdeaForSignal(c.id)).id);
    } catch (err) {
      failures.push(`${c.id}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (ideaIds.length && (await getSetting("autoApproveIdeas"))) {
    for (const ideaId of ideaIds) await approveIdea({ ideaId });
  }
  log.info({ scored, ideas: ideaIds.length, candidates: candidates.length, failures: failures.length }, "scoring run finished");
  if (failures.length) {
    // The scores are stored; say which ideas could not be written so the job shows why.
    throw new Error(`Scored ${scored} signals but ${failures.length} of ${best.length} ideas failed: ${failures.slice(0, 3).join("; ")}`);
  }
  return { scored, ideaIds };
}
