import { db } from "../../db";
import { cuidish } from "../../ids";
import type { FactorName } from "./factors";

// Batch writes for a scoring run: one INSERT for the breakdowns and one UPDATE for the signals, each
// a single statement over unnest()ed arrays. (Prisma's createMany took ~6× longer for 1,000 rows
// with two JSON columns; see bench/ingest-score.ts.)

export type BreakdownRow = { signalId: string; total: number; weights: unknown; explanation: unknown } & Record<FactorName, number>;

function insertBreakdowns(rows: BreakdownRow[]) {
  const col = <K extends keyof BreakdownRow>(k: K) => rows.map((r) => r[k]);
  const weights = JSON.stringify(rows[0]?.weights ?? {});
  return db.$executeRaw`
    insert into score_breakdowns (id, "signalId", freshness, engagement, novelty, "communityFit", seasonality, total, weights, explanation, "updatedAt")
    select v.id, v.signal_id, v.freshness, v.engagement, v.novelty, v.community_fit, v.seasonality, v.total, ${weights}::jsonb, v.explanation::jsonb, now()
    from unnest(
      ${rows.map(() => cuidish())}::text[], ${col("signalId")}::text[], ${col("freshness")}::float8[], ${col("engagement")}::float8[],
      ${col("novelty")}::float8[], ${col("communityFit")}::float8[], ${col("seasonality")}::float8[], ${col("total")}::float8[],
      ${rows.map((r) => JSON.stringify(r.explanation))}::text[]
    ) as v(id, signal_id, freshness, engagement, novelty, community_fit, seasonality, total, explanation)
    on conflict ("signalId") do nothing`;
}

/** NEW → SCORED, storing each signal's embedding when given (as float8[] literals, parsed per row). */
function markScored(ids: string[], vectors: number[][] | null) {
  if (!vectors) {
    return db.$executeRaw`
      update signals as s set status = 'SCORED'::"SignalStatus", "updatedAt" = now()
      from unnest(${ids}::text[]) as v(id) where s.id = v.id and s.status = 'NEW'::"SignalStatus"`;
  }
  const literals = vectors.map((v) => `{${v.map((x) => Math.round(x * 1e6) / 1e6).join(",")}}`);
  return db.$executeRaw`
    update signals as s set status = 'SCORED'::"SignalStatus", embedding = v.e::float8[], "updatedAt" = now()
    from unnest(${ids}::text[], ${literals}::text[]) as v(id, e)
    where s.id = v.id and s.status = 'NEW'::"SignalStatus"`;
}

/** Both writes of one batch in one transaction: breakdowns in, statuses (and embeddings) updated. */
export async function writeBatch(rows: BreakdownRow[], ids: string[], vectors: number[][] | null) {
  if (!ids.length) return;
  await db.$transaction([insertBreakdowns(rows), markScored(ids, vectors)]);
}
