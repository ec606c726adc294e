import { describe, expect, it } from "vitest";
import { seededRandom } from "../lib/random";
import { fitLogistic, logLoss } from "../server/services/learning/logistic";
import { boundedStep, MAX_STEP } from "../server/services/learning/learn-weights";

describe("regularised logistic regression", () => {
  it("recovers a positive coefficient for the predictive input and ~0 for noise", () => {
    const rng = seededRandom(11);
    const rows = Array.from({ length: 400 }, () => {
      const x = [rng(), rng()];
      const p = 1 / (1 + Math.exp(-(-3 + 2.5 * x[0])));
      let s = 0;
      for (let k = 0; k < 100; k++) if (rng() < p) s++;
      return { x, successes: s, trials: 100 };
    });
    const m = fitLogistic(rows, { lambda: 0.001, iterations: 4000 });
    expect(m.coef[0]).toBeGreaterThan(1.8);
    expect(Math.abs(m.coef[1])).toBeLessThan(0.4);
    expect(logLoss(m, rows)).toBeLessThan(logLoss({ bias: m.bias, coef: [0, 0] }, rows));
  });

  it("bounds each weight's move to MAX_STEP and never goes negative", () => {
    const cur = { freshness: 0.25, engagement: 0.3, novelty: 0.2, communityFit: 0.05, seasonality: 0.15 };
    const next = boundedStep(cur, { freshness: 0, engagement: 0.3, novelty: 1, communityFit: 0, seasonality: 0.2 });
    expect(next.freshness).toBeCloseTo(0.25 - MAX_STEP);
    expect(next.novelty).toBeCloseTo(0.2 + MAX_STEP);
    expect(next.communityFit).toBe(0);
    expect(next.seasonality).toBeCloseTo(0.2);
  });
});
