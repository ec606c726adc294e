import type { Marketplace, OutcomeKind, OutcomeSource } from "@prisma/client";
import { db } from "../../db";

export type OutcomeInput = {
  kind: OutcomeKind;
  source: OutcomeSource;
  occurredAt?: Date;
  listingId?: string | null;
  marketplace?: Marketplace | null;
  orderId?: string | null;
  commissionId?: string | null;
  experimentId?: string | null;
  armId?: string | null;
  quantity?: number;
  revenueCents?: number;
  currency?: string;
  importId?: string | null;
  dedupeKey?: string | null;
  /** set directly when there is no listing (e.g. a commission) */
  ideaId?: string | null;
  signalId?: string | null;
  community?: string | null;
};

/** Experiment arms a conversion counts for (the step the tested page change is meant to move). */
export const CONVERSION_KINDS: OutcomeKind[] = ["ADD_TO_CART"];

type Attribution = { designId: string; ideaId: string; signalId: string; community: string | null; theme: string };

/** listing → design → idea → signal in one query. Unknown listings are left out. */
export async function attributionFor(listingIds: string[]) {
  const ids = [...new Set(listingIds.filter(Boolean))];
  const map = new Map<string, Attribution>();
  if (!ids.length) return map;
  const rows = await db.$queryRaw<Array<Attribution & { listingId: string }>>`
    SELECT l.id AS "listingId", l."designId", d."ideaId", i."signalId", s.community, i.theme
    FROM listings l JOIN designs d ON d.id = l."designId" JOIN ideas i ON i.id = d."ideaId" JOIN signals s ON s.id = i."signalId"
    WHERE l.id = ANY(${ids})`;
  for (const r of rows) map.set(r.listingId, r);
  return map;
}

/**
 * Stores a batch of outcome events in ONE statement: attribution filled from the listing, rows with
 * a dedupeKey seen before skipped, the daily rollup and experiment arm counts updated from exactly
 * the rows inserted. Arms that do not belong to the experiment are dropped. Returns rows added.
 */
export async function recordOutcomes(events: OutcomeInput[]): Promise<number> {
  if (!events.length) return 0;
  const attribution = await attributionFor(events.map((e) => e.listingId ?? ""));
  const armPairs = events.filter((e) => e.armId && e.experimentId).map((e) => e.armId!);
  const validArms = armPairs.length
    ? new Map((await db.experimentArm.findMany({ where: { id: { in: [...new Set(armPairs)] } }, select: { id: true, experimentId: true } })).map((a) => [a.id, a.experimentId]))
    : new Map<string, string>();

  const cols = {
    kind: [] as string[], source: [] as string[], occurredAt: [] as Date[], listingId: [] as (string | null)[], designId: [] as (string | null)[],
    ideaId: [] as (string | null)[], signalId: [] as (string | null)[], community: [] as (string | null)[], theme: [] as (string | null)[],
    marketplace: [] as (string | null)[], orderId: [] as (string | null)[], commissionId: [] as (string | null)[], experimentId: [] as (string | null)[],
    armId: [] as (string | null)[], quantity: [] as number[], revenueCents: [] as number[], currency: [] as string[], importId: [] as (string | null)[], dedupeKey: [] as (string | null)[],
  };
  for (const e of events) {
    const a = e.listingId ? attribution.get(e.listingId) : undefined;
    const armOk = !!(e.armId && e.experimentId && validArms.get(e.armId) === e.experimentId);
    cols.kind.push(e.kind);
    cols.source.push(e.source);
    cols.occurredAt.push(e.occurredAt ?? new Date());
    cols.listingId.push(a ? e.listingId! : null);
    cols.designId.push(a?.designId ?? null);
    cols.ideaId.push(a?.ideaId ?? e.ideaId ?? null);
    cols.signalId.push(a?.signalId ?? e.signalId ?? null);
    cols.community.push(a?.community ?? e.community ?? null);
    cols.theme.push(a?.theme ?? null);
    cols.marketplace.push(e.marketplace ?? (e.source === "STOREFRONT" ? "LOCAL" : null));
    cols.orderId.push(e.orderId ?? null);
    cols.commissionId.push(e.commissionId ?? null);
    cols.experimentId.push(armOk ? e.experimentId! : null);
    cols.armId.push(armOk ? e.armId! : null);
    cols.quantity.push(Math.max(1, Math.trunc(e.quantity ?? 1)));
    cols.revenueCents.push(Math.trunc(e.revenueCents ?? 0));
    cols.currency.push((e.currency ?? "usd").toLowerCase());
    cols.importId.push(e.importId ?? null);
    cols.dedupeKey.push(e.dedupeKey ?? null);
  }
  const conv = CONVERSION_KINDS as string[];
  const [row] = await db.$queryRaw<Array<{ added: number }>>`
    WITH src AS (
      SELECT * FROM unnest(${cols.kind}::text[], ${cols.source}::text[], ${cols.occurredAt}::timestamptz[], ${cols.listingId}::text[], ${cols.designId}::text[],
        ${cols.ideaId}::text[], ${cols.signalId}::text[], ${cols.community}::text[], ${cols.theme}::text[], ${cols.marketplace}::text[], ${cols.orderId}::text[],
        ${cols.commissionId}::text[], ${cols.experimentId}::text[], ${cols.armId}::text[], ${cols.quantity}::int[], ${cols.revenueCents}::int[], ${cols.currency}::text[],
        ${cols.importId}::text[], ${cols.dedupeKey}::text[])
      AS t(kind, source, occurred_at, listing_id, design_id, idea_id, signal_id, community, theme, marketplace, order_id, commission_id, experiment_id, arm_id, quantity, revenue_cents, currency, import_id, dedupe_key)
    ), ins AS (
      INSERT INTO outcome_events (kind, source, "occurredAt", "listingId", "designId", "ideaId", "signalId", community, theme, marketplace, "orderId", "commissionId", "experimentId", "armId", quantity, "revenueCents", currency, "importId", "dedupeKey")
      SELECT kind::"OutcomeKind", source::"OutcomeSource", occurred_at, listing_id, design_id, idea_id, signal_id, community, theme, marketplace::"Marketplace", order_id, commission_id, experiment_id, arm_id, quantity, revenue_cents, currency, import_id, dedupe_key
      FROM src
      ON CONFLICT ("dedupeKey") DO NOTHING
      RETURNING kind, "occurredAt", community, marketplace, quantity, "revenueCents", "armId"
    ), roll AS (
      INSERT INTO outcome_daily (day, community, marketplace, kind, events, quantity, "revenueCents", "updatedAt")
      SELECT ("occurredAt" AT TIME ZONE 'UTC')::date, coalesce(community, ''), coalesce(marketplace, 'LOCAL'), kind, count(*), sum(quantity), sum("revenueCents"), now()
      FROM ins GROUP BY 1, 2, 3, 4
      ON CONFLICT (day, community, marketplace, kind) DO UPDATE SET
        events = outcome_daily.events + excluded.events, quantity = outcome_daily.quantity + excluded.quantity,
        "revenueCents" = outcome_daily."revenueCents" + excluded."revenueCents", "updatedAt" = now()
      RETURNING 1
    ), arms AS (
      UPDATE experiment_arms a SET views = a.views + s.v, conversions = a.conversions + s.c, "updatedAt" = now()
      FROM (SELECT "armId", count(*) FILTER (WHERE kind = 'VIEW') AS v, count(*) FILTER (WHERE kind::text = ANY(${conv}::text[])) AS c FROM ins WHERE "armId" IS NOT NULL GROUP BY 1) s
      WHERE a.id = s."armId"
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM ins)::int AS added, (SELECT count(*) FROM roll)::int AS rolled, (SELECT count(*) FROM arms)::int AS arms`;
  return row?.added ?? 0;
}
