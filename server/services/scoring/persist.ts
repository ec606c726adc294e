import type pg from "pg";
import { pgPool } from "../../db";
import { cuidish } from "../../ids";
import type { FactorName } from "./factors";

// Batch writes for a scoring run: one INSERT for the breakdowns and one UPDATE for the signals, each
// a single statement over unnest()ed arrays, in one transaction on plain pg. (Prisma's createMany
// took ~6× longer for 1,000 rows with two JSON columns, and even $executeRaw copies the megabytes
// of embedding literals through its wasm query compiler; see bench/ingest-score.ts.) unnest of text
// cast per row beats json_to_recordset here: Postgres turns 1,000 × 256 floats from an array literal
// into float8[] ~4× faster than from JSON arrays.

export type BreakdownRow = { signalId: string; total: number; weights: unknown; explanation: unknown } & Record<FactorName, number>;

function insertBreakdowns(c: pg.PoolClient, rows: BreakdownRow[]) {
  const col = <K extends keyof BreakdownRow>(k: K) => rows.map((r) => r[k]);
  const weights = JSON.stringify(rows[0]?.weights ?? {});
  return c.query(
    `insert into score_breakdowns (id, "signalId", freshness, engagement, novelty, "communityFit", seasonality, total, weights, explanation, "updatedAt")
     select v.id, v.signal_id, v.freshness, v.engagement, v.novelty, v.community_fit, v.seasonality, v.total, $10::jsonb, v.explanation::jsonb, now()
     from unnest($1::text[], $2::text[], $3::float8[], $4::float8[], $5::float8[], $6::float8[], $7::float8[], $8::float8[], $9::text[])
       as v(id, signal_id, freshness, engagement, novelty, community_fit, seasonality, total, explanation)
     on conflict ("signalId") do nothing`,
    [
      rows.map(() => cuidish()), col("signalId"), col("freshness"), col("engagement"), col("novelty"), col("communityFit"), col("seasonality"), col("total"),
      rows.map((r) => JSON.stringify(r.explanation)), weights,
    ],
  );
}

/** NEW → SCORED, storing each signal's embedding when given (as float8[] literals, parsed per row). */
function markScored(c: pg.PoolClient, ids: string[], vectors: number[][] | null) {
  if (!vectors) {
    return c.query(
      `update signals as s set status = 'SCORED'::"SignalStatus", "updatedAt" = now()
       from unnest($1::text[]) as v(id) where s.id = v.id and s.status = 'NEW'::"SignalStatus"`,
      [ids],
    );
  }
  // Each value rounded to 6 decimals, written as an integer mantissa ("61234e-6"): the same double as
  // Math.round(x * 1e6) / 1e6 once parsed, at a third of the cost of printing that double.
  const literals = vectors.map((v) => `{${v.map((x) => `${Math.round(x * 1e6)}e-6`).join(",")}}`);
  return c.query(
    `update signals as s set status = 'SCORED'::"SignalStatus", embedding = v.e::float8[], "updatedAt" = now()
     from unnest($1::text[], $2::text[]) as v(id, e)
     where s.id = v.id and s.status = 'NEW'::"SignalStatus"`,
    [ids, literals],
  );
}

/** Both writes of one batch in one transaction: breakdowns in, statuses (and embeddings) updated. */
export async function writeBatch(rows: BreakdownRow[], ids: string[], vectors: number[][] | null) {
  if (!ids.length) return;
  const c = await pgPool().connect();
  let broken: Error | undefined;
  try {
    await c.query("begin");
    await insertBreakdowns(c, rows);
    await markScored(c, ids, vectors);
    await c.query("commit");
  } catch (e) {
    await c.query("rollback").catch((err: Error) => (broken = err));
    throw e;
  } finally {
    c.release(broken); // a connection that cannot even roll back is dropped, not reused
  }
}
