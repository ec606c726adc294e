import { db } from "../../db";
import { AppError } from "../../errors";
import type { FactorName } from "./factors";

export type WeightKey = FactorName | "halfLifeHours" | "minTotal";

/** Defaults, limits and descriptions of every editable scoring weight. */
export const WEIGHT_DEFS: Record<WeightKey, { value: number; min: number; max: number; description: string }> = {
  freshness: { value: 0.25, min: 0, max: 10, description: "Weight of freshness: newer posts score higher (exponential decay)." },
  engagement: { value: 0.3, min: 0, max: 10, description: "Weight of engagement: points + 2×comments per hour vs the subreddit's 7-day median." },
  novelty: { value: 0.2, min: 0, max: 10, description: "Weight of novelty: how different the post is from ideas of the last 30 days." },
  communityFit: { value: 0.1, min: 0, max: 10, description: "Weight of community fit: how often this subreddit's ideas were approved before." },
  seasonality: { value: 0.15, min: 0, max: 10, description: "Weight of seasonality: closeness to a matching calendar event." },
  halfLifeHours: { value: 12, min: 1, max: 168, description: "Freshness half-life in hours: a post this old scores 0.5 on freshness." },
  minTotal: { value: 0.3, min: 0, max: 1, description: "Minimum total score for a signal to become an idea." },
};
export const WEIGHT_KEYS = Object.keys(WEIGHT_DEFS) as WeightKey[];

export type Weights = Record<WeightKey, number>;

/** Current weights: stored rows over the defaults (one query). */
export async function loadWeights(): Promise<Weights> {
  const rows = await db.scoringWeight.findMany({ where: { key: { in: WEIGHT_KEYS } } });
  const out = Object.fromEntries(WEIGHT_KEYS.map((k) => [k, WEIGHT_DEFS[k].value])) as Weights;
  for (const r of rows) out[r.key as WeightKey] = r.value;
  return out;
}

/** Weights with their descriptions and limits, for the editor. */
export async function listWeights() {
  const w = await loadWeights();
  return WEIGHT_KEYS.map((key) => ({ key, ...WEIGHT_DEFS[key], default: WEIGHT_DEFS[key].value, value: w[key] }));
}

export async function setWeight({ key, value, by }: { key: WeightKey; value: number; by?: string }) {
  const def = WEIGHT_DEFS[key];
  if (!def) throw new AppError("BAD_REQUEST", `Unknown scoring weight "${key}"`);
  if (!Number.isFinite(value) || value < def.min || value > def.max) {
    throw new AppError("BAD_REQUEST", `${key} must be between ${def.min} and ${def.max}`);
  }
  const [row] = await db.$transaction([
    db.scoringWeight.upsert({ where: { key }, create: { key, value, description: def.description }, update: { value } }),
    db.auditLog.create({ data: { actorId: by, action: "scoring.weight.update", entityType: "scoringWeight", entityId: key, data: { value } } }),
  ]);
  return row;
}

/** Writes several weights at once (learning, rollback) with one audit row; values clamped to limits. */
export async function setWeights(values: Partial<Weights>, audit: { by?: string | null; action: string; entityId?: string; data?: object }) {
  const entries = Object.entries(values).filter(([k, v]) => k in WEIGHT_DEFS && Number.isFinite(v)) as Array<[WeightKey, number]>;
  await db.$transaction([
    ...entries.map(([key, v]) => {
      const value = Math.min(WEIGHT_DEFS[key].max, Math.max(WEIGHT_DEFS[key].min, v));
      return db.scoringWeight.upsert({ where: { key }, create: { key, value, description: WEIGHT_DEFS[key].description }, update: { value } });
    }),
    db.auditLog.create({ data: { actorId: audit.by ?? undefined, action: audit.action, entityType: "scoringWeights", entityId: audit.entityId, data: { values: Object.fromEntries(entries), ...audit.data } } }),
  ]);
}
