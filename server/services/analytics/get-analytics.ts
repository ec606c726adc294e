import { Prisma, type Marketplace } from "@prisma/client";
import { z } from "zod";
import { db } from "../../db";
import { env } from "../../env";
import { experimentResults } from "../experiments/experiments";

// The analytics dashboard's data: a fixed set of aggregate queries whatever the data size. Outcome
// counts come from the daily rollup (outcome_daily), everything else from indexed ranges.

export const IDEAS_PER_DAY_KPI = 200;
export const MOCKUP_SUCCESS_KPI = 0.95;
const DAY = 86_400_000;

export const ZAnalyticsFilter = z.object({
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  community: z.string().trim().toLowerCase().max(100).optional().transform((v) => v || undefined),
  marketplace: z.enum(["LOCAL", "ZAZZLE", "PRINTFUL"]).optional(),
});
export type AnalyticsFilter = z.input<typeof ZAnalyticsFilter>;

const micros = (v: bigint | number | null) => Number(v ?? 0);

export async function getAnalytics(input: AnalyticsFilter = {}) {
  const f = ZAnalyticsFilter.parse(input);
  const to = f.to ?? new Date();
  const from = f.from ?? new Date(to.getTime() - 30 * DAY);
  const toEx = new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate()) + DAY); // whole last day
  const fromDay = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  const mp = f.marketplace as Marketplace | undefined;
  const sigCommunity = f.community ? Prisma.sql`AND s.community = ${f.community}` : Prisma.empty;
  const rollCommunity = f.community ? Prisma.sql`AND community = ${f.community}` : Prisma.empty;
  const rollMarketplace = mp ? Prisma.sql`AND marketplace = ${mp}::"Marketplace"` : Prisma.empty;
  const costCommunity = f.community ? Prisma.sql`AND c.community = ${f.community}` : Prisma.empty;
  const pubMarketplace = mp ? Prisma.sql`AND p.marketplace = ${mp}::"Marketplace"` : Prisma.sql`AND p.marketplace = 'LOCAL'`;

  const [funnel, revenueDays, costDays, communities, themes, ideasDays, slaDays, mockupDays, spend, experiments] = await Promise.all([
    db.$queryRaw<Array<{ signals: bigint; ideas: bigint; designs: bigint; published: bigint; sold: bigint }>>`
      SELECT
        (SELECT count(*) FROM signals s WHERE s."createdAt" >= ${fromDay} AND s."createdAt" < ${toEx} ${sigCommunity}) AS signals,
        (SELECT count(*) FROM ideas i JOIN signals s ON s.id = i."signalId" WHERE i."createdAt" >= ${fromDay} AND i."createdAt" < ${toEx} ${sigCommunity}) AS ideas,
        (SELECT count(*) FROM designs d JOIN ideas i ON i.id = d."ideaId" JOIN signals s ON s.id = i."signalId" WHERE d.status = 'DONE' AND d."finishedAt" >= ${fromDay} AND d."finishedAt" < ${toEx} ${sigCommunity}) AS designs,
        (SELECT count(*) FROM publications p JOIN listings l ON l.id = p."listingId" JOIN designs d ON d.id = l."designId" JOIN ideas i ON i.id = d."ideaId" JOIN signals s ON s.id = i."signalId"
          WHERE p.status = 'PUBLISHED' AND p."publishedAt" >= ${fromDay} AND p."publishedAt" < ${toEx} ${pubMarketplace} ${sigCommunity}) AS published,
        (SELECT coalesce(sum(quantity), 0) FROM outcome_daily WHERE kind IN ('PURCHASE', 'COMMISSION') AND day >= ${fromDay}::date AND day < ${toEx}::date ${rollCommunity} ${rollMarketplace}) AS sold`,
    db.$queryRaw<Array<{ day: Date; revenue: bigint; views: bigint; sales: bigint }>>`
      SELECT day, sum("revenueCents") FILTER (WHERE kind IN ('PURCHASE', 'COMMISSION')) AS revenue, sum(events) FILTER (WHERE kind = 'VIEW') AS views, sum(quantity) FILTER (WHERE kind IN ('PURCHASE', 'COMMISSION')) AS sales
      FROM outcome_daily WHERE day >= ${fromDay}::date AND day < ${toEx}::date ${rollCommunity} ${rollMarketplace} GROUP BY day ORDER BY day`,
    db.$queryRaw<Array<{ day: Date; known: bigint | null; unknown: bigint; paid: bigint | null }>>`
      SELECT ("occurredAt" AT TIME ZONE 'UTC')::date AS day, sum("amountMicros") FILTER (WHERE NOT paid) AS known, count(*) FILTER (WHERE "amountMicros" IS NULL) AS unknown, sum("amountMicros") FILTER (WHERE paid) AS paid
      FROM cost_entries c WHERE "occurredAt" >= ${fromDay} AND "occurredAt" < ${toEx} ${costCommunity} GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<Array<{ community: string; revenue: bigint; cost: bigint | null }>>`
      WITH r AS (SELECT community, sum("revenueCents") AS revenue FROM outcome_daily WHERE kind IN ('PURCHASE', 'COMMISSION') AND day >= ${fromDay}::date AND day < ${toEx}::date ${rollCommunity} ${rollMarketplace} GROUP BY community),
           k AS (SELECT coalesce(community, '') AS community, sum("amountMicros") AS cost FROM cost_entries c WHERE "occurredAt" >= ${fromDay} AND "occurredAt" < ${toEx} ${costCommunity} GROUP BY 1)
      SELECT coalesce(r.community, k.community) AS community, coalesce(r.revenue, 0) AS revenue, k.cost
      FROM r FULL JOIN k ON k.community = r.community
      ORDER BY coalesce(r.revenue, 0) * 10000 - coalesce(k.cost, 0) DESC LIMIT 10`,
    db.$queryRaw<Array<{ theme: string; revenue: bigint; cost: bigint | null }>>`
      WITH r AS (SELECT theme, sum("revenueCents") AS revenue FROM outcome_events
                 WHERE kind IN ('PURCHASE', 'COMMISSION') AND "occurredAt" >= ${fromDay} AND "occurredAt" < ${toEx} AND theme IS NOT NULL ${rollCommunity} ${rollMarketplace} GROUP BY theme),
           k AS (SELECT i.theme, sum(c."amountMicros") AS cost FROM cost_entries c JOIN ideas i ON i.id = c."ideaId"
                 WHERE c."occurredAt" >= ${fromDay} AND c."occurredAt" < ${toEx} ${costCommunity} GROUP BY i.theme)
      SELECT r.theme, r.revenue, k.cost FROM r LEFT JOIN k ON k.theme = r.theme
      ORDER BY r.revenue * 10000 - coalesce(k.cost, 0) DESC LIMIT 10`,
    db.$queryRaw<Array<{ day: Date; ideas: bigint }>>`
      SELECT (i."createdAt" AT TIME ZONE 'UTC')::date AS day, count(*) AS ideas FROM ideas i JOIN signals s ON s.id = i."signalId"
      WHERE i."createdAt" >= ${fromDay} AND i."createdAt" < ${toEx} ${sigCommunity} GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<Array<{ day: Date; n: bigint; p50: number; p95: number }>>`
      SELECT (p."publishedAt" AT TIME ZONE 'UTC')::date AS day, count(*) AS n,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM p."publishedAt" - s."createdAt")) AS p50,
        percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM p."publishedAt" - s."createdAt")) AS p95
      FROM publications p JOIN listings l ON l.id = p."listingId" JOIN designs d ON d.id = l."designId" JOIN ideas i ON i.id = d."ideaId" JOIN signals s ON s.id = i."signalId"
      WHERE p.status = 'PUBLISHED' AND p."publishedAt" >= ${fromDay} AND p."publishedAt" < ${toEx} ${pubMarketplace} ${sigCommunity} GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<Array<{ day: Date; done: bigint; failed: bigint }>>`
      SELECT (d."finishedAt" AT TIME ZONE 'UTC')::date AS day, count(*) FILTER (WHERE d.status = 'DONE') AS done, count(*) FILTER (WHERE d.status = 'FAILED') AS failed
      FROM designs d JOIN ideas i ON i.id = d."ideaId" JOIN signals s ON s.id = i."signalId"
      WHERE d."finishedAt" >= ${fromDay} AND d."finishedAt" < ${toEx} ${sigCommunity} GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<Array<{ paid: boolean; known: bigint | null; unknown: bigint }>>`
      SELECT paid, sum("amountMicros") AS known, count(*) FILTER (WHERE "amountMicros" IS NULL) AS unknown
      FROM cost_entries c WHERE "occurredAt" >= ${fromDay} AND "occurredAt" < ${toEx} ${costCommunity} GROUP BY paid`,
    experimentResults(10),
  ]);

  const fn = funnel[0];
  const steps = [
    { step: "signals", count: Number(fn.signals) },
    { step: "ideas", count: Number(fn.ideas) },
    { step: "designs", count: Number(fn.designs) },
    { step: "published", count: Number(fn.published) },
    { step: "sold", count: Number(fn.sold) },
  ].map((s, i, all) => ({ ...s, conversion: i === 0 ? null : all[i - 1].count > 0 ? s.count / all[i - 1].count : null }));

  // One row per day of the range, so gaps show as zero days rather than missing points.
  const days: string[] = [];
  for (let t = fromDay.getTime(); t < toEx.getTime() && days.length < 400; t += DAY) days.push(new Date(t).toISOString().slice(0, 10));
  const key = (d: Date) => d.toISOString().slice(0, 10);
  const rev = new Map(revenueDays.map((r) => [key(r.day), r]));
  const cost = new Map(costDays.map((r) => [key(r.day), r]));
  const money = days.map((day) => {
    const revenueCents = Number(rev.get(day)?.revenue ?? 0);
    const c = cost.get(day);
    const costCents = (micros(c?.known ?? 0) + micros(c?.paid ?? 0)) / 10_000;
    return { day, revenueCents, costCents, marginCents: revenueCents - costCents, unknownCosts: Number(c?.unknown ?? 0) };
  });
  const ideasMap = new Map(ideasDays.map((r) => [key(r.day), Number(r.ideas)]));
  const slaMap = new Map(slaDays.map((r) => [key(r.day), r]));
  const mockMap = new Map(mockupDays.map((r) => [key(r.day), r]));
  const sla = env().SLA_PUBLISH_SECONDS;
  const margin = (r: { revenue: bigint; cost: bigint | null }) => ({ revenueCents: Number(r.revenue), costCents: r.cost === null ? null : micros(r.cost) / 10_000, marginCents: Number(r.revenue) - micros(r.cost) / 10_000 });

  return {
    range: { from: fromDay.toISOString().slice(0, 10), to: new Date(toEx.getTime() - DAY).toISOString().slice(0, 10) },
    filter: f,
    funnel: steps,
    money,
    topCommunities: communities.map((r) => ({ community: r.community || "(none)", ...margin(r) })),
    topThemes: themes.map((r) => ({ theme: r.theme, ...margin(r) })),
    ideasPerDay: days.map((day) => ({ day, ideas: ideasMap.get(day) ?? 0, kpi: IDEAS_PER_DAY_KPI })),
    signalToPublish: days.map((day) => {
      const r = slaMap.get(day);
      return { day, p50Minutes: r ? r.p50 / 60 : null, p95Minutes: r ? r.p95 / 60 : null, slaMinutes: sla / 60, n: Number(r?.n ?? 0) };
    }),
    mockupSuccess: days.map((day) => {
      const r = mockMap.get(day);
      const done = Number(r?.done ?? 0);
      const failed = Number(r?.failed ?? 0);
      return { day, done, failed, rate: done + failed > 0 ? done / (done + failed) : null, kpi: MOCKUP_SUCCESS_KPI };
    }),
    spend: {
      discretionaryCents: micros(spend.find((s) => !s.paid)?.known ?? 0) / 10_000,
      paidCents: micros(spend.find((s) => s.paid)?.known ?? 0) / 10_000,
      unknownCount: spend.reduce((s, r) => s + Number(r.unknown), 0),
    },
    experiments,
  };
}
export type Analytics = Awaited<ReturnType<typeof getAnalytics>>;

/** Communities that appear in the rollup, for the filter (bounded). */
export async function analyticsCommunities() {
  const rows = await db.$queryRaw<Array<{ community: string }>>`SELECT DISTINCT community FROM outcome_daily WHERE community <> '' ORDER BY community LIMIT 200`;
  return rows.map((r) => r.community);
}
