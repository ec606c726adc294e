import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../server/db";
import { queue } from "../server/queues/connection";
import { budgetStatus, enforceBudgets, setBudget } from "../server/services/costs/budgets";
import { seedPrices } from "../server/services/costs/prices";
import { recordCost } from "../server/services/costs/record-cost";
import { fulfilCommission } from "../server/services/commissions/fulfil-commission";
import { makeUser } from "./helpers/factories";
import { makeTier, paidCommission, postUrl, redditFixture, useLocalPayments } from "./helpers/commissions";

let reddit: ReturnType<typeof redditFixture>;
let tierSlug: string;

beforeAll(async () => {
  useLocalPayments();
  reddit = redditFixture();
  tierSlug = (await makeTier()).slug;
  await seedPrices();
  await db.budget.deleteMany({});
  await db.alert.deleteMany({ where: { rule: { startsWith: "budget." } } });
});
afterAll(async () => {
  await db.budget.deleteMany({});
  await enforceBudgets();
});

const isPaused = async () => ({ score: await queue("score").isPaused(), design: await queue("design").isPaused() });
const imageCall = (designId?: string) =>
  recordCost({ provider: "openai", operation: "images", priceBase: "openai:gpt-image-1", units: { image: 1 }, designId }); // 4.2¢ each at list price

describe("budgets", () => {
  it("warns at 80%, pauses ideas and designs at 100%, still fulfils a paid commission, and resumes when the cap is raised", async () => {
    const admin = await makeUser("ADMIN");
    // Today's discretionary spend so far counts against the new cap.
    const spentMicros = (await budgetStatus()).find((b) => b.provider === "openai")?.spentMicros ?? 0;
    const capCents = Math.ceil(spentMicros / 10_000) + 10; // room for two more images (2 × 4.2¢), not three
    await setBudget({ provider: "openai", period: "DAILY", capCents }, admin.id);
    expect(await isPaused()).toEqual({ score: false, design: false });

    await imageCall();
    await imageCall();
    const warn = await db.alert.findFirst({ where: { rule: "budget.warning", status: "FIRING" } });
    expect(warn?.message).toMatch(/openai daily budget/);
    expect(warn?.link).toBe("/admin/growth"); // the banner and the email open the budgets
    expect(await isPaused()).toEqual({ score: false, design: false });

    await imageCall(); // over the cap
    expect(await isPaused()).toEqual({ score: true, design: true });
    const exceeded = await db.alert.findFirstOrThrow({ where: { rule: "budget.exceeded", status: "FIRING" } });
    expect(exceeded.message).toMatch(/Ideas and designs paused: openai daily budget/);
    expect(exceeded.link).toBe("/admin/growth");
    await enforceBudgets(); // repeat checks change nothing
    expect(await db.alert.count({ where: { rule: "budget.exceeded", status: "FIRING" } })).toBe(1);
    expect(await db.alert.count({ where: { rule: "budget.warning", status: "FIRING" } })).toBe(1);

    // A paid commission keeps its promise while the discretionary budget is spent.
    const [id] = reddit.subreddit("budgetgarden", [{ title: "The allotment's tallest sunflower broke a record" }]);
    const c = await paidCommission(tierSlug, postUrl("budgetgarden", id));
    const done = await fulfilCommission(c.id);
    expect(done.status).toBe("COMPLETED");
    // Its spend is recorded as paid and leaves the discretionary budget alone.
    await recordCost({ provider: "openai", operation: "images", priceBase: "openai:gpt-image-1", units: { image: 1 }, commissionId: c.id, paid: true });
    const after = (await budgetStatus()).find((b) => b.provider === "openai")!;
    expect(after.spentMicros).toBe(spentMicros + 3 * 42_000);
    expect(await isPaused()).toEqual({ score: true, design: true });

    await setBudget({ provider: "openai", period: "DAILY", capCents: capCents + 1_000 }, admin.id);
    expect(await isPaused()).toEqual({ score: false, design: false });
    const resolved = await db.alert.findUniqueOrThrow({ where: { id: exceeded.id } });
    expect(resolved.status).toBe("RESOLVED");
    expect(resolved.resolvedAt).not.toBeNull();
    expect(await db.auditLog.count({ where: { action: "cost.budget.update", actorId: admin.id } })).toBe(2);
  });

  it("records an unknown price as unknown, never as zero", async () => {
    const row = await recordCost({ provider: "openai", operation: "chat", priceBase: "openai:some-new-model", units: { input_token: 1000, output_token: 200 } });
    expect(row.amountMicros).toBeNull();
    const known = await recordCost({ provider: "openai", operation: "chat", priceBase: "openai:gpt-4o-mini", units: { input_token: 1000, output_token: 200 } });
    expect(Number(known.amountMicros)).toBe(Math.round(1000 * 0.15 + 200 * 0.6));
    const fee = await recordCost({ provider: "stripe", operation: "fee", priceBase: "stripe:card", units: { cent: 1000 }, paid: true });
    expect(Number(fee.amountMicros)).toBe(300_000 + 290 * 1000); // 30¢ + 2.9% of $10
  });
});
