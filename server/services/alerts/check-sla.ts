import { db } from "../../db";
import { env } from "../../env";
import { notifyAlert } from "./notify";

export const SLA_RULE = "sla.signal_to_publish";
const WINDOW_MS = 24 * 3_600_000;

/** p50/p95 seconds from signal to storefront publication, for publications in [from, to). One query. */
export async function signalToPublishPercentiles(from: Date, to: Date) {
  const [row] = await db.$queryRaw<Array<{ n: bigint; p50: number | null; p95: number | null }>>`
    SELECT count(*) AS n,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM p."publishedAt" - s."createdAt")) AS p50,
      percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM p."publishedAt" - s."createdAt")) AS p95
    FROM publications p
    JOIN listings l ON l.id = p."listingId"
    JOIN designs d ON d.id = l."designId"
    JOIN ideas i ON i.id = d."ideaId"
    JOIN signals s ON s.id = i."signalId"
    WHERE p.status = 'PUBLISHED' AND p.marketplace = 'LOCAL' AND p."publishedAt" >= ${from} AND p."publishedAt" < ${to}`;
  return { n: Number(row?.n ?? 0), p50: row?.p50 ?? null, p95: row?.p95 ?? null };
}

/**
 * The SLA rule: fires when the p95 of signal-to-publish over the last 24 h exceeds
 * SLA_PUBLISH_SECONDS; resolves when it is back under. A FIRING alert is not repeated, and after one
 * fired nothing new fires within ALERT_COOLDOWN_MINUTES (so a flapping p95 sends one message).
 */
export async function checkSla(now = new Date()) {
  const e = env();
  const threshold = e.SLA_PUBLISH_SECONDS;
  const { p95, n } = await signalToPublishPercentiles(new Date(now.getTime() - WINDOW_MS), now);
  const firing = await db.alert.findFirst({ where: { rule: SLA_RULE, status: "FIRING" } });
  const breached = p95 !== null && p95 > threshold;
  if (!breached) {
    if (firing) await db.alert.update({ where: { id: firing.id }, data: { status: "RESOLVED", resolvedAt: now } });
    return { fired: false, resolved: !!firing, p95, n };
  }
  if (firing) {
    await db.alert.update({ where: { id: firing.id }, data: { value: p95 } });
    return { fired: false, resolved: false, p95, n };
  }
  const last = await db.alert.findFirst({ where: { rule: SLA_RULE }, orderBy: { firedAt: "desc" }, select: { firedAt: true } });
  if (last && now.getTime() - last.firedAt.getTime() < e.ALERT_COOLDOWN_MINUTES * 60_000) return { fired: false, resolved: false, p95, n, cooldown: true };
  const alert = await db.alert.create({
    data: { rule: SLA_RULE, message: `Signal-to-publish p95 is ${Math.round(p95! / 60)} min over the last 24 h (SLA ${Math.round(threshold / 60)} min, ${n} publications)`, value: p95, threshold, firedAt: now, link: "/admin/analytics" },
  });
  await notifyAlert(alert);
  return { fired: true, resolved: false, p95, n, alertId: alert.id };
}
