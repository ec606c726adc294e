import { describe, expect, it } from "vitest";
import { seededRandom } from "../lib/random";
import { armStats, sampleBeta, thompsonPick } from "../server/services/experiments/thompson";
import { promotable } from "../server/services/experiments/experiments";

describe("Thompson sampling", () => {
  it("Beta draws have the right mean", () => {
    const rng = seededRandom(7);
    let sum = 0;
    for (let i = 0; i < 20_000; i++) sum += sampleBeta(3, 97, rng);
    expect(sum / 20_000).toBeCloseTo(0.03, 2);
  });

  it("sends most traffic to the 4% arm over the 2% arm and promotes it within a bounded number of views", () => {
    const truth = [0.02, 0.04];
    const rng = seededRandom(2026);
    const arms = [
      { id: "a", views: 0, conversions: 0 },
      { id: "b", views: 0, conversions: 0 },
    ];
    const MAX_VIEWS = 30_000;
    let promotedAt: number | null = null;
    let winner: string | null = null;
    for (let v = 1; v <= MAX_VIEWS && !promotedAt; v++) {
      const i = thompsonPick(arms, rng);
      arms[i].views += 1;
      if (rng() < truth[i]) arms[i].conversions += 1;
      if (v % 250 === 0) {
        const win = promotable(arms, 0.95, v);
        if (win) {
          promotedAt = v;
          winner = win.armId;
        }
      }
    }
    expect(winner).toBe("b");
    expect(promotedAt).not.toBeNull();
    expect(promotedAt!).toBeLessThanOrEqual(MAX_VIEWS);
    expect(arms[1].views).toBeGreaterThan(arms[0].views);
    expect(arms[1].views / (arms[0].views + arms[1].views)).toBeGreaterThan(0.6);
  });

  it("reports P(best) summing to 1 and zero expected loss for a certain winner", () => {
    const stats = armStats([{ views: 10_000, conversions: 100 }, { views: 10_000, conversions: 400 }], { seed: 3 });
    expect(stats[0].pBest + stats[1].pBest).toBeCloseTo(1, 6);
    expect(stats[1].pBest).toBeGreaterThan(0.999);
    expect(stats[1].expectedLoss).toBeLessThan(1e-4);
    expect(stats[0].expectedLoss).toBeGreaterThan(0.025);
  });

  it("does not promote before enough views, whatever the odds", () => {
    expect(promotable([{ id: "a", views: 50, conversions: 0 }, { id: "b", views: 50, conversions: 20 }], 0.95)).toBeNull();
  });
});
