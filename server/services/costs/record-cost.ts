import { db } from "../../db";
import { log } from "../../log";
import type { ProviderUsage } from "../../providers/usage";
import { enforceBudgets } from "./budgets";

export type CostAttribution = {
  signalId?: string | null;
  ideaId?: string | null;
  designId?: string | null;
  listingId?: string | null;
  commissionId?: string | null;
  orderId?: string | null;
  community?: string | null;
  /** spent fulfilling a paid commission or order: outside the discretionary budget */
  paid?: boolean;
};

export type CostInput = CostAttribution & {
  provider: string;
  operation: string;
  /** provider:model — each unit's price is looked up as `${priceBase}:${unit}` */
  priceBase: string;
  units: Record<string, number>;
  dedupeKey?: string;
  occurredAt?: Date;
};

/**
 * Writes one cost row for one external call. The amount is the sum over its units of the price
 * table; when any unit has no price the amount is null (unknown), never 0. Idempotent by dedupeKey.
 * Then checks the budgets (pausing spending queues at 100 %).
 */
export async function recordCost(input: CostInput) {
  const entries = Object.entries(input.units).filter(([, q]) => Number.isFinite(q) && q > 0);
  const keys = entries.map(([unit]) => `${input.priceBase}:${unit}`);
  const prices = keys.length ? await db.price.findMany({ where: { key: { in: keys } } }) : [];
  const byKey = new Map(prices.map((p) => [p.key, p]));
  let micros: number | null = 0;
  for (const [unit, q] of entries) {
    const p = byKey.get(`${input.priceBase}:${unit}`);
    if (!p) {
      micros = null;
      break;
    }
    micros += p.fixedMicros + q * p.microsPerUnit;
  }
  const units = entries.reduce((s, [, q]) => s + q, 0);
  const unit = entries.length === 1 ? entries[0][0] : entries.map(([u]) => u).join("+") || "call";
  const data = {
    provider: input.provider,
    operation: input.operation,
    priceKey: entries.length ? input.priceBase : null,
    units,
    unit,
    amountMicros: micros === null ? null : BigInt(Math.round(micros)),
    paid: input.paid ?? false,
    signalId: input.signalId ?? null,
    ideaId: input.ideaId ?? null,
    designId: input.designId ?? null,
    listingId: input.listingId ?? null,
    commissionId: input.commissionId ?? null,
    orderId: input.orderId ?? null,
    community: input.community ?? null,
    dedupeKey: input.dedupeKey ?? null,
    occurredAt: input.occurredAt ?? new Date(),
  };
  const row = input.dedupeKey
    ? await db.costEntry.upsert({ where: { dedupeKey: input.dedupeKey }, create: data, update: {} })
    : await db.costEntry.create({ data });
  if (micros === null) log.warn({ priceBase: input.priceBase, units: input.units }, "no price for this call: cost recorded as unknown");
  if (!data.paid) await enforceBudgets().catch((err) => log.error({ err: (err as Error).message }, "budget check failed"));
  return row;
}

/** The cost row for a provider call that returned a usage object. */
export function recordUsage(usage: ProviderUsage | undefined, attribution: CostAttribution) {
  if (!usage) return Promise.resolve(null); // local providers make no external call
  return recordCost({ ...attribution, provider: usage.provider, operation: usage.operation, priceBase: `${usage.provider}:${usage.model}`, units: usage.units });
}
