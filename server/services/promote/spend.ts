import { db } from "../../db";
import type { CopyUsage } from "../../providers/copywriter";

// Drafting spend, one row per writer call, in the cost ledger's shape (provider, kind, units,
// costCents or null when unknown, attribution ids). Caps are per account and per brand, per UTC day
// and month. An unknown cost counts as 1 cent against the caps, so an unpriced model cannot run free.

export type CapOwner = { id: string; brandId: string; dailyCapCents: number; monthlyCapCents: number; brand: { dailyCapCents: number; monthlyCapCents: number } };
export type CapVerdict = { ok: true } | { ok: false; reason: string };

export async function recordSpend(usage: CopyUsage, attribution: { kind: string; accountId: string; brandId: string; postId?: string; productId?: string | null }) {
  await db.promoSpend.create({ data: { provider: usage.provider, kind: attribution.kind, units: usage.units, costCents: usage.costCents, accountId: attribution.accountId, brandId: attribution.brandId, postId: attribution.postId, productId: attribution.productId ?? null } });
}

type Sums = { acct_day: bigint | null; acct_month: bigint | null; brand_day: bigint | null; brand_month: bigint | null };

/** Today's and this month's spend for the account and its brand, in one statement. */
export async function spendOf(a: { id: string; brandId: string }, now = new Date()) {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const [r] = await db.$queryRaw<Sums[]>`
    select
      sum(coalesce("costCents", 1)) filter (where "accountId" = ${a.id} and "createdAt" >= ${day}) as acct_day,
      sum(coalesce("costCents", 1)) filter (where "accountId" = ${a.id}) as acct_month,
      sum(coalesce("costCents", 1)) filter (where "createdAt" >= ${day}) as brand_day,
      sum(coalesce("costCents", 1)) as brand_month
    from promo_spend where "brandId" = ${a.brandId} and "createdAt" >= ${month}`;
  const n = (v: bigint | null | undefined) => Number(v ?? 0);
  return { accountDay: n(r?.acct_day), accountMonth: n(r?.acct_month), brandDay: n(r?.brand_day), brandMonth: n(r?.brand_month) };
}

export async function checkCaps(a: CapOwner, now = new Date()): Promise<CapVerdict> {
  const s = await spendOf(a, now);
  const usd = (c: number) => `$${(c / 100).toFixed(2)}`;
  if (s.accountDay >= a.dailyCapCents) return { ok: false, reason: `account daily cap reached (${usd(s.accountDay)} of ${usd(a.dailyCapCents)})` };
  if (s.accountMonth >= a.monthlyCapCents) return { ok: false, reason: `account monthly cap reached (${usd(s.accountMonth)} of ${usd(a.monthlyCapCents)})` };
  if (s.brandDay >= a.brand.dailyCapCents) return { ok: false, reason: `brand daily cap reached (${usd(s.brandDay)} of ${usd(a.brand.dailyCapCents)})` };
  if (s.brandMonth >= a.brand.monthlyCapCents) return { ok: false, reason: `brand monthly cap reached (${usd(s.brandMonth)} of ${usd(a.brand.monthlyCapCents)})` };
  return { ok: true };
}
