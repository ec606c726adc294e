import type { WeightProposal } from "@prisma/client";
import { seedFromString } from "../../../lib/random";
import { db } from "../../db";
import { AppError } from "../../errors";
import { log } from "../../log";
import { FACTORS, weightedTotal, type FactorName } from "../scoring/factors";
import { loadWeights, setWeights, type Weights } from "../scoring/weights";
import { fitLogistic, logLoss, type BinomialRow } from "./logistic";

// Nightly weight learning. Each published idea with views is one binomial row: its five scoring
// factors (as scored) and sales out of views. A regularised logistic regression says how each factor
// predicted sales; the proposal moves each weight toward the fitted coefficients by at most MAX_STEP.
// Both weight sets are judged the same way on held-out ideas: the weighted score they produce, mapped
// to a sale probability by a 1-D logistic fitted on the training ideas. The proposal is applied only
// when its held-out log-loss beats the current weights by MIN_GAIN; otherwise it waits for an admin.

export const MAX_STEP = 0.1;
export const MIN_GAIN = 0.001; // relative held-out log-loss improvement
export const MIN_IDEAS = 20;
const HOLD_OUT_EVERY = 4; // ~25 % of ideas, chosen by a hash of the id (stable across nights)

type Row = { ideaId: string; factors: Record<FactorName, number>; views: number; sales: number };

/** Published ideas with their scored factors, views and sales (one aggregate query). */
export async function learningRows(): Promise<Row[]> {
  const rows = await db.$queryRaw<Array<{ ideaId: string; freshness: number; engagement: number; novelty: number; communityFit: number; seasonality: number; views: bigint; sales: bigint }>>`
    SELECT i.id AS "ideaId", b.freshness, b.engagement, b.novelty, b."communityFit", b.seasonality, e.views, e.sales
    FROM (
      SELECT "ideaId", count(*) FILTER (WHERE kind = 'VIEW') AS views, coalesce(sum(quantity) FILTER (WHERE kind = 'PURCHASE'), 0) AS sales
      FROM outcome_events WHERE "ideaId" IS NOT NULL GROUP BY "ideaId"
    ) e
    JOIN ideas i ON i.id = e."ideaId"
    JOIN score_breakdowns b ON b."signalId" = i."signalId"
    WHERE i.status = 'PUBLISHED' AND e.views > 0
    ORDER BY i.id`;
  return rows.map((r) => ({
    ideaId: r.ideaId,
    factors: { freshness: r.freshness, engagement: r.engagement, novelty: r.novelty, communityFit: r.communityFit, seasonality: r.seasonality },
    views: Number(r.views),
    sales: Math.min(Number(r.sales), Number(r.views)),
  }));
}

const isHeldOut = (ideaId: string) => seedFromString(ideaId) % HOLD_OUT_EVERY === 0;
const toBinomial = (r: Row, x: number[]): BinomialRow => ({ x, successes: r.sales, trials: r.views });

/** Held-out log-loss of a weight set: its score, calibrated on the training rows. */
export function heldOutLoss(weights: Record<FactorName, number>, train: Row[], test: Row[]) {
  const score = (r: Row) => [weightedTotal(r.factors, weights)];
  const calib = fitLogistic(train.map((r) => toBinomial(r, score(r))), { lambda: 0 });
  return logLoss(calib, test.map((r) => toBinomial(r, score(r))));
}

/** Moves each factor weight toward the target by at most MAX_STEP (never below 0). */
export function boundedStep(current: Record<FactorName, number>, target: Record<FactorName, number>) {
  return Object.fromEntries(FACTORS.map((f) => [f, Math.max(0, current[f] + Math.max(-MAX_STEP, Math.min(MAX_STEP, target[f] - current[f])))])) as Record<FactorName, number>;
}

/**
 * Fits, proposes, stores the proposal with its evidence and applies it when it beats the current
 * weights on held-out ideas. Returns null when there is too little data to learn from.
 */
export async function learnWeights(): Promise<WeightProposal | null> {
  const rows = await learningRows();
  const train = rows.filter((r) => !isHeldOut(r.ideaId));
  const test = rows.filter((r) => isHeldOut(r.ideaId));
  const sales = rows.reduce((s, r) => s + r.sales, 0);
  if (rows.length < MIN_IDEAS || !test.length || !train.length || sales === 0) {
    log.info({ ideas: rows.length, sales }, "weight learning skipped: too little data");
    return null;
  }
  const current = await loadWeights();
  const currentFactors = Object.fromEntries(FACTORS.map((f) => [f, current[f]])) as Record<FactorName, number>;
  const model = fitLogistic(train.map((r) => toBinomial(r, FACTORS.map((f) => r.factors[f]))), { lambda: 0.01 });

  // Positive coefficients, scaled to the current total weight, are where the weights should go.
  const positive = model.coef.map((c) => Math.max(0, c));
  const posSum = positive.reduce((a, b) => a + b, 0);
  const total = FACTORS.reduce((s, f) => s + currentFactors[f], 0) || 1;
  const target = Object.fromEntries(FACTORS.map((f, j) => [f, posSum > 0 ? (positive[j] / posSum) * total : currentFactors[f]])) as Record<FactorName, number>;
  const after = boundedStep(currentFactors, target);

  const heldOutBefore = heldOutLoss(currentFactors, train, test);
  const heldOutAfter = heldOutLoss(after, train, test);
  const beats = heldOutAfter < heldOutBefore * (1 - MIN_GAIN);
  const evidence = {
    before: currentFactors,
    after,
    coefficients: { bias: model.bias, ...Object.fromEntries(FACTORS.map((f, j) => [f, model.coef[j]])) },
    sampleSize: rows.length,
    views: rows.reduce((s, r) => s + r.views, 0),
    sales,
    trainLoss: logLoss(model, train.map((r) => toBinomial(r, FACTORS.map((f) => r.factors[f])))),
    heldOutBefore,
    heldOutAfter,
  };
  const proposal = await db.weightProposal.create({
    data: {
      ...evidence,
      status: "PROPOSED",
      reason: beats
        ? `Held-out log-loss ${heldOutAfter.toFixed(5)} beats ${heldOutBefore.toFixed(5)}: applied automatically`
        : `Held-out log-loss ${heldOutAfter.toFixed(5)} does not beat ${heldOutBefore.toFixed(5)} by ${MIN_GAIN * 100}%: waiting for an admin`,
    },
  });
  if (!beats) return proposal;
  return applyProposal(proposal.id, null);
}

/** Applies a proposal (automatically or by an admin); audited. */
export async function applyProposal(id: string, by: string | null): Promise<WeightProposal> {
  const p = await db.weightProposal.findUnique({ where: { id } });
  if (!p) throw new AppError("NOT_FOUND", "That weight proposal does not exist");
  if (p.status !== "PROPOSED") throw new AppError("CONFLICT", `This proposal is ${p.status.toLowerCase().replace("_", " ")}; only a proposed one can be applied`);
  const current = await loadWeights();
  await setWeights(p.after as Partial<Weights>, { by, action: by ? "scoring.weights.apply" : "scoring.weights.learned", entityId: id, data: { previous: Object.fromEntries(FACTORS.map((f) => [f, current[f]])) } });
  // The weights in force just before applying are what a rollback restores.
  return db.weightProposal.update({ where: { id }, data: { status: "APPLIED", appliedAt: new Date(), appliedById: by, before: Object.fromEntries(FACTORS.map((f) => [f, current[f]])) } });
}

export async function rejectProposal(id: string, by: string) {
  const p = await db.weightProposal.updateMany({ where: { id, status: "PROPOSED" }, data: { status: "REJECTED" } });
  if (!p.count) throw new AppError("CONFLICT", "Only a proposed change can be rejected");
  await db.auditLog.create({ data: { actorId: by, action: "scoring.weights.reject", entityType: "weightProposal", entityId: id } });
}

/** Restores the weights that were in force before this proposal was applied. */
export async function rollbackProposal(id: string, by: string | null): Promise<WeightProposal> {
  const p = await db.weightProposal.findUnique({ where: { id } });
  if (!p) throw new AppError("NOT_FOUND", "That weight proposal does not exist");
  if (p.status !== "APPLIED") throw new AppError("CONFLICT", "Only an applied change can be rolled back");
  await setWeights(p.before as Partial<Weights>, { by, action: "scoring.weights.rollback", entityId: id });
  return db.weightProposal.update({ where: { id }, data: { status: "ROLLED_BACK", rolledBackAt: new Date() } });
}

export const listProposals = (take = 20) => db.weightProposal.findMany({ orderBy: { createdAt: "desc" }, take });
