import { db } from "../../db";
import { ENGAGEMENT_PRIOR, type EngagementBaseline } from "./factors";
import { seasonIndex } from "./seasonality";
import { centroid } from "./vector";

const DAY = 86_400_000;
/** A community needs this many signals in 7 days for its own baseline; the global one likewise. */
export const MIN_HISTORY = 8;
const IQR_TO_SIGMA = 1.349;

type BaselineRow = { community: string | null; is_global: boolean; n: number; median: number | null; q1: number | null; q3: number | null };

/**
 * Engagement baselines for every community in ONE query: median and IQR of log(1 + rate) over the
 * last 7 days of non-rejected signals, grouped by community, plus the global row (grouping sets).
 * rate = (score + 2×comments) / hours between postedAt and when the counts were observed (updatedAt).
 */
export async function loadEngagementBaselines(now: Date) {
  const rows = await db.$queryRaw<BaselineRow[]>`
    with r as (
      select community,
             ln(1 + greatest(0, score + 2 * comments)::float8 / greatest(1, extract(epoch from ("updatedAt" - "postedAt")) / 3600)) as lr
      from signals
      where "postedAt" >= ${new Date(now.getTime() - 7 * DAY)} and status <> 'REJECTED'::"SignalStatus"
    )
    select community, grouping(community) = 1 as is_global, count(*)::int as n,
           percentile_cont(0.5) within group (order by lr) as median,
           percentile_cont(0.25) within group (order by lr) as q1,
           percentile_cont(0.75) within group (order by lr) as q3
    from r
    group by grouping sets ((community), ())`;
  const toBaseline = (r: BaselineRow, source: EngagementBaseline["source"]): EngagementBaseline => ({
    median: r.median ?? ENGAGEMENT_PRIOR.median,
    spread: ((r.q3 ?? 0) - (r.q1 ?? 0)) / IQR_TO_SIGMA,
    n: r.n,
    source,
  });
  const globalRow = rows.find((r) => r.is_global);
  const global = globalRow && globalRow.n >= MIN_HISTORY ? toBaseline(globalRow, "global") : ENGAGEMENT_PRIOR;
  const byCommunity = new Map<string, EngagementBaseline>();
  for (const r of rows) if (!r.is_global && r.community && r.n >= MIN_HISTORY) byCommunity.set(r.community, toBaseline(r, "community"));
  return { byCommunity, global, baselineFor: (community: string | null) => (community && byCommunity.get(community)) || global };
}

/** Past outcomes per community in ONE grouped query: good = approved/designed/published, decided = good + rejected. */
export async function loadCommunityOutcomes() {
  const rows = await db.$queryRaw<Array<{ community: string; good: number; decided: number }>>`
    select s.community,
           count(*) filter (where i.status in ('APPROVED', 'DESIGNED', 'PUBLISHED'))::int as good,
           count(*) filter (where i.status <> 'NEW')::int as decided
    from ideas i join signals s on s.id = i."signalId"
    where s.community is not null
    group by s.community`;
  return new Map(rows.map((r) => [r.community, { good: r.good, decided: r.decided }]));
}

/** Centroid of the embeddings of ideas from the last 30 days (only vectors of `dims` length). */
export async function loadIdeaCentroid(now: Date, dims: number) {
  const ideas = await db.idea.findMany({ where: { createdAt: { gte: new Date(now.getTime() - 30 * DAY) } }, select: { embedding: true } });
  const vectors = ideas.map((i) => i.embedding).filter((e) => e.length === dims);
  return { centroid: centroid(vectors, dims), count: vectors.length };
}

export async function loadSeasonIndex() {
  const events = await db.calendarEvent.findMany({ select: { id: true, name: true, month: true, day: true, keywords: true } });
  return seasonIndex(events);
}
