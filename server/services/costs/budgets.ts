import { z } from "zod";
import type { BudgetPeriod } from "@prisma/client";
import { db } from "../../db";
import { AppError } from "../../errors";
import { log } from "../../log";
import { queue } from "../../queues/connection";
import type { QueueName } from "../../queues/contracts";
import { notifyAlert } from "../alerts/notify";

/** Queues whose work spends discretionary money; paid commissions run on their own queue. */
export const SPENDING_QUEUES: QueueName[] = ["score", "design"];
export const WARN_AT = 0.8;
const MICROS_PER_CENT = 10_000;

export function periodStart(period: BudgetPeriod, now: Date) {
  return period === "DAILY"
    ? new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
    : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}
const periodKey = (period: BudgetPeriod, now: Date) => periodStart(period, now).toISOString().slice(0, period === "DAILY" ? 10 : 7);

/** Spend in micros this UTC day and month, per provider, discretionary and paid apart (one query). */
export async function currentSpend(now = new Date()) {
  const day = periodStart("DAILY", now);
  const month = periodStart("MONTHLY", now);
  const rows = await db.$queryRaw<Array<{ provider: string; paid: boolean; day: bigint | null; month: bigint | null; unknown: bigint }>>`
    SELECT provider, paid,
      sum("amountMicros") FILTER (WHERE "occurredAt" >= ${day}) AS day,
      sum("amountMicros") AS month,
      count(*) FILTER (WHERE "amountMicros" IS NULL) AS unknown
    FROM cost_entries WHERE "occurredAt" >= ${month} GROUP BY provider, paid`;
  return rows.map((r) => ({ provider: r.provider, paid: r.paid, dayMicros: Number(r.day ?? 0), monthMicros: Number(r.month ?? 0), unknownCount: Number(r.unknown) }));
}

export type BudgetStatus = { id: string; provider: string; period: BudgetPeriod; capCents: number; spentMicros: number; ratio: number; state: "ok" | "warning" | "exceeded"; periodKey: string };

/** Every budget against discretionary spend in its current period. */
export async function budgetStatus(now = new Date()): Promise<BudgetStatus[]> {
  const [budgets, spend] = await Promise.all([db.budget.findMany({ orderBy: [{ provider: "asc" }, { period: "asc" }] }), currentSpend(now)]);
  return budgets.map((b) => {
    const spentMicros = spend
      .filter((s) => !s.paid && (b.provider === "total" || s.provider === b.provider))
      .reduce((sum, s) => sum + (b.period === "DAILY" ? s.dayMicros : s.monthMicros), 0);
    const ratio = b.capCents > 0 ? spentMicros / (b.capCents * MICROS_PER_CENT) : spentMicros > 0 ? Infinity : 0;
    return { id: b.id, provider: b.provider, period: b.period, capCents: b.capCents, spentMicros, ratio, state: ratio >= 1 ? "exceeded" : ratio >= WARN_AT ? "warning" : "ok", periodKey: periodKey(b.period, now) };
  });
}

/**
 * At 80 % of a cap: one warning alert per budget and period. At 100 %: pause the spending queues
 * (BullMQ queue.pause, shared by every worker) with one FIRING "budget.exceeded" alert naming the
 * reason. When nothing is over any more (period rolled over, cap raised) the alert resolves and the
 * queues resume. Safe to run any number of times.
 */
export async function enforceBudgets(now = new Date()) {
  const status = await budgetStatus(now);
  const pct = (s: BudgetStatus) => `${s.provider} ${s.period.toLowerCase()} budget: ${(s.spentMicros / 1e6).toFixed(2)} of ${(s.capCents / 100).toFixed(2)} USD (${Math.round(s.ratio * 100)}%)`;

  const warnKeys = new Set<string>();
  for (const s of status.filter((x) => x.state !== "ok")) {
    const dedupeKey = `budget.warning:${s.provider}:${s.period}:${s.periodKey}`;
    warnKeys.add(dedupeKey);
    const exists = await db.alert.findUnique({ where: { dedupeKey }, select: { id: true } });
    if (!exists) {
      const created = await db.alert
        .create({ data: { rule: "budget.warning", message: `Over ${WARN_AT * 100}% of the ${pct(s)}`, value: s.ratio, threshold: WARN_AT, dedupeKey, link: "/admin/growth" } })
        .catch(() => null); // a concurrent check created it
      if (created) await notifyAlert(created);
    }
  }
  await db.alert.updateMany({ where: { rule: "budget.warning", status: "FIRING", dedupeKey: { notIn: [...warnKeys] } }, data: { status: "RESOLVED", resolvedAt: now } });

  const over = status.filter((s) => s.state === "exceeded");
  const firing = await db.alert.findFirst({ where: { rule: "budget.exceeded", status: "FIRING" } });
  if (over.length) {
    const message = `Ideas and designs paused: ${over.map(pct).join("; ")}. Paid commissions are still fulfilled.`;
    await Promise.all(SPENDING_QUEUES.map((q) => queue(q).pause()));
    if (!firing) {
      const created = await db.alert.create({ data: { rule: "budget.exceeded", message, value: Math.max(...over.map((s) => s.ratio)), threshold: 1, link: "/admin/growth" } });
      await notifyAlert(created);
      log.warn({ message }, "budget exceeded: spending queues paused");
    } else if (firing.message !== message) {
      await db.alert.update({ where: { id: firing.id }, data: { message } });
    }
  } else if (firing) {
    await Promise.all(SPENDING_QUEUES.map((q) => queue(q).resume()));
    await db.alert.update({ where: { id: firing.id }, data: { status: "RESOLVED", resolvedAt: now } });
    log.info("budgets back under their caps: spending queues resumed");
  }
  return { status, paused: over.length > 0 };
}

export const ZSetBudget = z.object({
  provider: z.string().regex(/^[a-z0-9_-]+$/, "provider is a lower-case name such as openai, or total"),
  period: z.enum(["DAILY", "MONTHLY"]),
  capCents: z.number().int().min(0).max(100_000_000),
});

/** Creates or changes a cap, audited; re-checks at once so a raised cap resumes the queues. */
export async function setBudget(input: z.input<typeof ZSetBudget>, by?: string) {
  const p = ZSetBudget.safeParse(input);
  if (!p.success) throw new AppError("BAD_REQUEST", p.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  const { provider, period, capCents } = p.data;
  const [row] = await db.$transaction([
    db.budget.upsert({ where: { provider_period: { provider, period } }, create: p.data, update: { capCents } }),
    db.auditLog.create({ data: { actorId: by, action: "cost.budget.update", entityType: "budget", entityId: `${provider}:${period}`, data: p.data } }),
  ]);
  await enforceBudgets();
  return row;
}

export async function removeBudget(id: string, by?: string) {
  const b = await db.budget.findUnique({ where: { id } });
  if (!b) throw new AppError("NOT_FOUND", "That budget does not exist");
  await db.$transaction([db.budget.delete({ where: { id } }), db.auditLog.create({ data: { actorId: by, action: "cost.budget.remove", entityType: "budget", entityId: `${b.provider}:${b.period}` } })]);
  await enforceBudgets();
}
