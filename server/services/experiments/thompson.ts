import { seededRandom } from "../../../lib/random";

// Thompson sampling on Beta(1 + conversions, 1 + views − conversions) posteriors. Pure and seeded:
// the same seed and counts always give the same draws, so the simulation test is exact.

export type Rng = () => number;
export type ArmCounts = { views: number; conversions: number };

/** Standard normal by Box–Muller. */
function normal(rng: Rng) {
  let u = 0;
  while (u === 0) u = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** Gamma(shape, 1) by Marsaglia–Tsang (shape < 1 boosted with U^(1/shape)). */
export function sampleGamma(shape: number, rng: Rng): number {
  if (shape < 1) return sampleGamma(shape + 1, rng) * Math.pow(rng() || Number.MIN_VALUE, 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng();
    if (u < 1 - 0.0331 * x ** 4) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

export function sampleBeta(a: number, b: number, rng: Rng) {
  const x = sampleGamma(a, rng);
  return x / (x + sampleGamma(b, rng));
}

export const posterior = (arm: ArmCounts) => ({ alpha: 1 + arm.conversions, beta: 1 + Math.max(0, arm.views - arm.conversions) });

/** Index of the arm whose posterior draw is highest (one draw per arm). */
export function thompsonPick(arms: ArmCounts[], rng: Rng): number {
  let best = 0;
  let bestDraw = -1;
  arms.forEach((arm, i) => {
    const p = posterior(arm);
    const draw = sampleBeta(p.alpha, p.beta, rng);
    if (draw > bestDraw) {
      bestDraw = draw;
      best = i;
    }
  });
  return best;
}

/**
 * Monte Carlo over the joint posterior: P(arm is best) and expected loss (the conversion rate given
 * up by choosing the arm when another is better: E[max − arm]).
 */
export function armStats(arms: ArmCounts[], opts: { draws?: number; seed?: number } = {}) {
  const draws = opts.draws ?? 20_000;
  const rng = seededRandom(opts.seed ?? 1);
  const wins = new Array(arms.length).fill(0);
  const loss = new Array(arms.length).fill(0);
  const params = arms.map(posterior);
  const sample = new Array(arms.length).fill(0);
  for (let d = 0; d < draws; d++) {
    let max = -1;
    let argmax = 0;
    for (let i = 0; i < arms.length; i++) {
      sample[i] = sampleBeta(params[i].alpha, params[i].beta, rng);
      if (sample[i] > max) {
        max = sample[i];
        argmax = i;
      }
    }
    wins[argmax] += 1;
    for (let i = 0; i < arms.length; i++) loss[i] += max - sample[i];
  }
  return arms.map((arm, i) => ({
    ...params[i],
    mean: params[i].alpha / (params[i].alpha + params[i].beta),
    pBest: wins[i] / draws,
    expectedLoss: loss[i] / draws,
  }));
}
