// Pure scoring factors, each 0..1. The service feeds them numbers loaded from the database; tests
// call them directly.

const HOUR = 3_600_000;

/** Exponential decay: 1 when just posted, 0.5 at one half-life, 0.25 at two. */
export function freshness(postedAt: Date, now: Date, halfLifeHours: number) {
  const ageHours = Math.max(0, (now.getTime() - postedAt.getTime()) / HOUR);
  return { value: Math.pow(0.5, ageHours / halfLifeHours), ageHours, halfLifeHours };
}

/** (score + 2×comments) per hour between posting and when the counts were observed (≥ 1 hour). */
export function engagementRate(score: number, comments: number, postedAt: Date, observedAt: Date) {
  const hours = Math.max(1, (observedAt.getTime() - postedAt.getTime()) / HOUR);
  return Math.max(0, score + 2 * comments) / hours;
}

/**
 * Baseline of log(1 + rate) for one community: median and robust spread (IQR / 1.349 ≈ σ for a
 * normal distribution). `source` says where it came from (community, global or prior).
 */
export type EngagementBaseline = { median: number; spread: number; n: number; source: "community" | "global" | "prior" };

/** Prior when there is too little history: ~5 points/hour typical, one e-fold either way is 1σ. */
export const ENGAGEMENT_PRIOR: EngagementBaseline = { median: Math.log1p(5), spread: 1, n: 0, source: "prior" };
export const MIN_SPREAD = 0.25;

/** Robust z-score of the log-rate against the baseline, through a logistic to 0..1 (median → 0.5). */
export function engagement(rate: number, baseline: EngagementBaseline) {
  const logRate = Math.log1p(rate);
  const spread = Math.max(MIN_SPREAD, baseline.spread);
  const z = (logRate - baseline.median) / spread;
  return { value: 1 / (1 + Math.exp(-z)), rate, logRate, z, median: baseline.median, spread, n: baseline.n, baseline: baseline.source };
}

/** 1 − cosine(signal, centroid of recent ideas), clamped to 0..1; 1 when there are no recent ideas. */
export function novelty(similarity: number | null) {
  if (similarity === null) return { value: 1, similarity: null };
  return { value: Math.min(1, Math.max(0, 1 - similarity)), similarity };
}

/** Beta-prior success rate of a community's past ideas: (good + α) / (decided + α + β). */
export function communityFit(good: number, decided: number, alpha = 2, beta = 2) {
  return { value: (good + alpha) / (decided + alpha + beta), good, decided, alpha, beta };
}

export type FactorName = "freshness" | "engagement" | "novelty" | "communityFit" | "seasonality";
export const FACTORS: FactorName[] = ["freshness", "engagement", "novelty", "communityFit", "seasonality"];

/** Weighted mean of the factors (weights need not sum to 1); 0 when every weight is 0. */
export function weightedTotal(values: Record<FactorName, number>, weights: Record<FactorName, number>) {
  let sum = 0;
  let wsum = 0;
  for (const f of FACTORS) {
    const w = Math.max(0, weights[f] ?? 0);
    sum += w * values[f];
    wsum += w;
  }
  return wsum > 0 ? sum / wsum : 0;
}
