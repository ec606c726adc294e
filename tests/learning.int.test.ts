import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "../server/db";
import { applyProposal, learnWeights, MAX_STEP, rollbackProposal } from "../server/services/learning/learn-weights";
import { loadWeights, setWeights, WEIGHT_DEFS } from "../server/services/scoring/weights";
import { FACTORS } from "../server/services/scoring/factors";
import { makeUser } from "./helpers/factories";
import { retireIdeas, seedOutcomeHistory } from "./helpers/growth";

const defaults = Object.fromEntries(FACTORS.map((f) => [f, WEIGHT_DEFS[f].value]));
let ideas: string[] = [];

beforeEach(async () => {
  await setWeights(defaults, { action: "test.reset" });
});
afterEach(async () => {
  await retireIdeas(ideas);
  ideas = [];
});

describe("nightly weight learning", () => {
  it("proposes weights that favour the factor that truly predicted sales, applies them, and a rollback restores the old ones", async () => {
    // Sales depend on novelty only: 0.5% for the least novel, ~9% for the most.
    ideas = await seedOutcomeHistory({ ideas: 80, views: 200, seed: 42, pSale: (f) => 1 / (1 + Math.exp(-(-5.3 + 3 * f.novelty))) });
    const before = await loadWeights();
    const p = await learnWeights();
    expect(p).not.toBeNull();
    expect(p!.sampleSize).toBe(80);
    expect(p!.heldOutAfter).toBeLessThan(p!.heldOutBefore);
    expect(p!.status).toBe("APPLIED");
    const after = p!.after as Record<string, number>;
    const moves = Object.fromEntries(FACTORS.map((f) => [f, after[f] - before[f]]));
    expect(moves.novelty).toBeCloseTo(MAX_STEP, 6); // the biggest allowed step up
    for (const f of FACTORS.filter((x) => x !== "novelty")) expect(moves[f]).toBeLessThan(moves.novelty);
    for (const f of FACTORS) expect(Math.abs(moves[f])).toBeLessThanOrEqual(MAX_STEP + 1e-9);
    const live = await loadWeights();
    expect(live.novelty).toBeCloseTo(before.novelty + MAX_STEP, 6);
    expect(await db.auditLog.count({ where: { action: "scoring.weights.learned", entityId: p!.id } })).toBe(1);

    const admin = await makeUser("ADMIN");
    const rolled = await rollbackProposal(p!.id, admin.id);
    expect(rolled.status).toBe("ROLLED_BACK");
    const restored = await loadWeights();
    for (const f of FACTORS) expect(restored[f]).toBeCloseTo(before[f], 9);
    expect(await db.auditLog.count({ where: { action: "scoring.weights.rollback", entityId: p!.id, actorId: admin.id } })).toBe(1);
    await expect(rollbackProposal(p!.id, admin.id)).rejects.toThrow(/Only an applied change/);
  });

  it("stores but does not apply a proposal that does not beat the current weights on held-out ideas", async () => {
    // Sales are pure noise: no factor predicts them.
    ideas = await seedOutcomeHistory({ ideas: 60, views: 200, seed: 7, pSale: () => 0.03 });
    const before = await loadWeights();
    const p = await learnWeights();
    expect(p).not.toBeNull();
    expect(p!.status).toBe("PROPOSED");
    expect(p!.reason).toMatch(/waiting for an admin/);
    expect(p!.heldOutAfter).toBeGreaterThanOrEqual(p!.heldOutBefore * (1 - 0.001));
    expect(await loadWeights()).toEqual(before);

    // An admin may still apply it; then it can be rolled back like any other change.
    const admin = await makeUser("ADMIN");
    const applied = await applyProposal(p!.id, admin.id);
    expect(applied.status).toBe("APPLIED");
    expect((await loadWeights()).novelty).toBeCloseTo((p!.after as Record<string, number>).novelty, 9);
    await rollbackProposal(p!.id, admin.id);
    expect(await loadWeights()).toEqual(before);
  });

  it("skips with too little data", async () => {
    ideas = await seedOutcomeHistory({ ideas: 3, views: 10, seed: 1, pSale: () => 0.5 });
    expect(await learnWeights()).toBeNull();
  });
});
