import { Counter, Gauge, Histogram, type Registry } from "prom-client";
import { db } from "../../db";
import { currentSpend } from "../costs/budgets";

// Growth metrics for /api/metrics, read from the database at scrape time (the worker that publishes
// is another process; the DB row is the truth).

export const SIGNAL_TO_PUBLISH_BUCKETS = [60, 300, 900, 1800, 3600, 7200, 14_400, 28_800, 86_400, 259_200];

/**
 * signal_to_publish_seconds: each storefront publication observed once, in publishing order, from a
 * (publishedAt, id) watermark kept by this process; the first scrape reads the last 30 days.
 */
export function registerGrowthMetrics(registry: Registry) {
  let mark: { at: Date; id: string } = { at: new Date(Date.now() - 30 * 86_400_000), id: "" };
  const histogram = new Histogram({
    name: "signal_to_publish_seconds",
    help: "Seconds from a signal being ingested to its design being published on the storefront",
    buckets: SIGNAL_TO_PUBLISH_BUCKETS,
    registers: [registry],
    async collect() {
      for (;;) {
        const rows = await db.$queryRaw<Array<{ id: string; publishedAt: Date; seconds: number }>>`
          SELECT p.id, p."publishedAt", extract(epoch FROM p."publishedAt" - s."createdAt")::float8 AS seconds
          FROM publications p JOIN listings l ON l.id = p."listingId" JOIN designs d ON d.id = l."designId" JOIN ideas i ON i.id = d."ideaId" JOIN signals s ON s.id = i."signalId"
          WHERE p.status = 'PUBLISHED' AND p.marketplace = 'LOCAL' AND (p."publishedAt", p.id) > (${mark.at}, ${mark.id})
          ORDER BY p."publishedAt", p.id LIMIT 10000`;
        for (const r of rows) histogram.observe(Math.max(0, r.seconds));
        if (rows.length) mark = { at: rows[rows.length - 1].publishedAt, id: rows[rows.length - 1].id };
        if (rows.length < 10000) return;
      }
    },
  });
  const mockups = new Counter({
    name: "merchloop_mockups_total",
    help: "Designs whose print files and mockups finished (result=success) or failed (result=failure); a retried design moves from failure to success",
    labelNames: ["result"],
    registers: [registry],
    async collect() {
      const [r] = await db.$queryRaw<Array<{ done: bigint; failed: bigint }>>`SELECT count(*) FILTER (WHERE status = 'DONE') AS done, count(*) FILTER (WHERE status = 'FAILED') AS failed FROM designs`;
      mockups.reset();
      mockups.inc({ result: "success" }, Number(r.done));
      mockups.inc({ result: "failure" }, Number(r.failed));
    },
  });
  const ideas = new Gauge({
    name: "merchloop_ideas_last_24h",
    help: "Ideas written in the last 24 hours (KPI: 200 a day)",
    registers: [registry],
    async collect() {
      ideas.set(await db.idea.count({ where: { createdAt: { gte: new Date(Date.now() - 86_400_000) } } }));
    },
  });
  const spend = new Gauge({
    name: "merchloop_spend_usd",
    help: "Known spend this UTC day/month by provider; kind=paid is commission/order fulfilment, outside the budget",
    labelNames: ["provider", "period", "kind"],
    registers: [registry],
    async collect() {
      spend.reset();
      for (const s of await currentSpend()) {
        const kind = s.paid ? "paid" : "discretionary";
        spend.inc({ provider: s.provider, period: "day", kind }, s.dayMicros / 1e6);
        spend.inc({ provider: s.provider, period: "month", kind }, s.monthMicros / 1e6);
      }
    },
  });
  return { histogram, mockups, ideas, spend };
}
