import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Job } from "bullmq";
import { db } from "../server/db";
import { statementCounter } from "../server/db-adapter";
import { scoreNewSignals } from "../server/services/scoring/score-signals";
import { seedScoringWeights } from "../server/services/scoring/seed-weights";
import { loadWeights, setWeight, WEIGHT_DEFS } from "../server/services/scoring/weights";
import { setSetting } from "../server/services/settings";
import { queue } from "../server/queues/connection";
import { score as scoreProcessor } from "../workers/processors/score";
import { uid } from "./helpers/factories";
import { makeSignal, makeSignals } from "./helpers/signals";

const H = 3_600_000;
const now = new Date();
const ago = (h: number) => new Date(now.getTime() - h * H);
type Explanation = Record<string, Record<string, unknown>>;

beforeAll(async () => {
  await seedScoringWeights();
  await setSetting("ideasPerRun", 0);
  await scoreNewSignals(); // drain NEW signals other files in this worker left behind
});

beforeEach(async () => {
  await setSetting("ideasPerRun", 10);
  await setSetting("autoApproveIdeas", false);
  await setWeight({ key: "minTotal", value: WEIGHT_DEFS.minTotal.value });
});

afterAll(async () => {
  await setSetting("ideasPerRun", 10);
  await setSetting("autoApproveIdeas", false);
});

describe("scoreNewSignals", () => {
  it("scores NEW signals only, never REJECTED ones, ideates the best N and is idempotent", async () => {
    await setSetting("ideasPerRun", 2);
    const community = uid("c");
    const fresh = await Promise.all(
      [0.5, 2, 6, 12, 30, 60].map((h, i) => makeSignal({ community, postedAt: ago(h), score: 50 * (i + 1), comments: 3, title: `Sourdough loaf number ${i}` })),
    );
    const rejected = await makeSignal({ community, status: "REJECTED", rejectReason: "nsfw", score: 99_999, postedAt: ago(0.2) });
    const already = await makeSignal({ community, status: "SCORED" });

    const res = await scoreNewSignals({ now });
    expect(res.scored).toBe(6);
    expect(res.ideaIds).toHaveLength(2);

    const breakdowns = await db.scoreBreakdown.findMany({ where: { signal: { community } } });
    expect(breakdowns.map((b) => b.signalId).sort()).toEqual(fresh.map((s) => s.id).sort());
    expect(await db.scoreBreakdown.count({ where: { signalId: { in: [rejected.id, already.id] } } })).toBe(0);
    expect((await db.signal.findUniqueOrThrow({ where: { id: rejected.id } })).status).toBe("REJECTED");

    // The ideas come from the two best totals; those signals are IDEATED, the rest SCORED.
    const best = [...breakdowns].sort((a, b) => b.total - a.total).slice(0, 2).map((b) => b.signalId);
    const ideas = await db.idea.findMany({ where: { id: { in: res.ideaIds } } });
    expect(ideas.map((i) => i.signalId).sort()).toEqual([...best].sort());
    for (const i of ideas) expect(i.score).toBeCloseTo(breakdowns.find((b) => b.signalId === i.signalId)!.total, 4);
    const statuses = await db.signal.findMany({ where: { id: { in: fresh.map((s) => s.id) } }, select: { id: true, status: true, embedding: true } });
    for (const s of statuses) {
      expect(s.status).toBe(best.includes(s.id) ? "IDEATED" : "SCORED");
      expect(s.embedding).toHaveLength(256);
    }

    // Every factor is stored with its inputs and the weights used.
    const b = breakdowns[0];
    for (const f of ["freshness", "engagement", "novelty", "communityFit", "seasonality"] as const) {
      expect(b[f]).toBeGreaterThanOrEqual(0);
      expect(b[f]).toBeLessThanOrEqual(1);
    }
    expect(b.weights).toMatchObject({ freshness: 0.25, engagement: 0.3, novelty: 0.2, communityFit: 0.1, seasonality: 0.15, halfLifeHours: 12 });
    const ex = b.explanation as Explanation;
    expect(ex.freshness).toHaveProperty("ageHours");
    expect(ex.engagement).toHaveProperty("ratePerHour");
    expect(ex.engagement).toHaveProperty("baseline");
    expect(ex.novelty).toHaveProperty("recentIdeas");
    expect(ex.communityFit).toMatchObject({ community });
    expect(ex.seasonality).toHaveProperty("event");

    // Fresher posts score higher on freshness, exactly 0.5 at the 12-hour half-life.
    const byId = new Map(breakdowns.map((x) => [x.signalId, x]));
    expect(byId.get(fresh[3].id)!.freshness).toBeCloseTo(0.5, 3);
    expect(byId.get(fresh[0].id)!.freshness).toBeGreaterThan(byId.get(fresh[5].id)!.freshness);

    const ideaCount = await db.idea.count();
    const again = await scoreNewSignals({ now });
    expect(again).toEqual({ scored: 0, ideaIds: [] });
    expect(await db.idea.count()).toBe(ideaCount);
  });

  it("makes no idea from signals below the minimum total", async () => {
    await setWeight({ key: "minTotal", value: 0.99 });
    await makeSignal({ community: uid("c"), postedAt: ago(1) });
    const res = await scoreNewSignals({ now });
    expect(res.scored).toBe(1);
    expect(res.ideaIds).toEqual([]);
  });

  it("compares engagement with each community's own 7-day baseline, falling back to global", async () => {
    await setSetting("ideasPerRun", 0);
    const quiet = uid("quiet");
    const busy = uid("busy");
    const tiny = uid("tiny");
    // History (already scored): quiet sub ~2 points/hour, busy sub ~500 points/hour.
    await makeSignals(12, (i) => ({ community: quiet, status: "SCORED", score: 4 + (i % 3), comments: 0, postedAt: ago(2) }));
    await makeSignals(12, (i) => ({ community: busy, status: "SCORED", score: 1000 + 50 * (i % 3), comments: 0, postedAt: ago(2) }));
    await makeSignals(10, () => ({ community: uid("old"), status: "SCORED", score: 100_000, postedAt: ago(24 * 9) })); // older than 7 days: ignored
    const a = await makeSignal({ community: quiet, score: 80, comments: 0, postedAt: ago(2) });
    const b = await makeSignal({ community: busy, score: 80, comments: 0, postedAt: ago(2) });
    const c = await makeSignal({ community: tiny, score: 80, comments: 0, postedAt: ago(2) });
    await scoreNewSignals({ now });
    const [ba, bb, bc] = await Promise.all([a, b, c].map((s) => db.scoreBreakdown.findUniqueOrThrow({ where: { signalId: s.id } })));
    expect(ba.engagement).toBeGreaterThan(0.9);
    expect(bb.engagement).toBeLessThan(0.1);
    expect((ba.explanation as Explanation).engagement).toMatchObject({ baseline: "community", history: 13 });
    expect((bc.explanation as Explanation).engagement).toMatchObject({ baseline: "global" });
  });

  it("learns community fit from past outcomes with a Beta(2, 2) prior", async () => {
    await setSetting("ideasPerRun", 0);
    const community = uid("fit");
    const past = await makeSignal({ community, status: "IDEATED" });
    const statuses = ["APPROVED", "PUBLISHED", "DESIGNED", "REJECTED", "NEW"] as const;
    for (const status of statuses) {
      await db.idea.create({ data: { signalId: past.id, theme: "t", title: "t", imagePrompt: "p", productTypes: ["tee"], promptVersion: "test", writer: "test", status } });
    }
    const s = await makeSignal({ community });
    const unseen = await makeSignal({ community: uid("fresh") });
    await scoreNewSignals({ now });
    const b = await db.scoreBreakdown.findUniqueOrThrow({ where: { signalId: s.id } });
    expect(b.communityFit).toBeCloseTo((3 + 2) / (4 + 4), 4);
    expect((b.explanation as Explanation).communityFit).toMatchObject({ approved: 3, decided: 4 });
    expect((await db.scoreBreakdown.findUniqueOrThrow({ where: { signalId: unseen.id } })).communityFit).toBe(0.5);
  });

  it("matches calendar events by keyword and records the event", async () => {
    await setSetting("ideasPerRun", 0);
    const kw = uid("fest").toLowerCase();
    const soon = new Date(now.getTime() + 3 * 24 * H);
    const far = new Date(now.getTime() + 40 * 24 * H);
    await db.calendarEvent.create({ data: { name: `Fest ${kw}`, month: soon.getUTCMonth() + 1, day: soon.getUTCDate(), keywords: [kw] } });
    await db.calendarEvent.create({ data: { name: `Later ${kw}`, month: far.getUTCMonth() + 1, day: far.getUTCDate(), keywords: [`${kw}later`] } });
    const near = await makeSignal({ keywords: [kw] });
    const later = await makeSignal({ title: `Planning for ${kw}later already` });
    const none = await makeSignal({ keywords: ["unrelated"] });
    await scoreNewSignals({ now });
    const get = (id: string) => db.scoreBreakdown.findUniqueOrThrow({ where: { signalId: id } });
    const bn = await get(near.id);
    expect(bn.seasonality).toBe(1);
    expect((bn.explanation as Explanation).seasonality.event).toMatchObject({ name: `Fest ${kw}`, keyword: kw });
    const bl = await get(later.id);
    expect(bl.seasonality).toBeGreaterThan(0);
    expect(bl.seasonality).toBeLessThan(0.2);
    expect((await get(none.id)).seasonality).toBe(0);
  });

  it("rates a post that repeats a recent idea as less novel than an unrelated one", async () => {
    await setSetting("ideasPerRun", 1);
    const first = await makeSignal({ title: "Quantum entanglement explained with cats", keywords: ["quantum entanglement"], score: 5000, postedAt: ago(0.5) });
    const r1 = await scoreNewSignals({ now });
    expect(r1.ideaIds).toHaveLength(1);
    const idea = await db.idea.findUniqueOrThrow({ where: { id: r1.ideaIds[0] } });
    expect(idea.signalId).toBe(first.id);
    await setSetting("ideasPerRun", 0);
    const repeat = await makeSignal({ title: `${idea.title} ${idea.theme}`, keywords: [] });
    const other = await makeSignal({ title: "Municipal bond yields dropped on Tuesday", keywords: [] });
    await scoreNewSignals({ now });
    const [br, bo] = await Promise.all([repeat, other].map((s) => db.scoreBreakdown.findUniqueOrThrow({ where: { signalId: s.id } })));
    expect(br.novelty).toBeLessThan(bo.novelty - 0.05);
  });

  it("uses a fixed number of statements per batch, not per signal", async () => {
    await setSetting("ideasPerRun", 0);
    const count = async (n: number) => {
      await makeSignals(n, () => ({ community: uid("batch") }));
      const before = statementCounter.count;
      const res = await scoreNewSignals({ now, batchSize: 10 });
      expect(res.scored).toBe(n);
      return statementCounter.count - before;
    };
    const ten = await count(10);
    const forty = await count(40);
    expect(forty - ten).toBeLessThanOrEqual(3 * 8);
  });

  it("auto-approves new ideas when the setting is on (design rows and jobs)", async () => {
    await setSetting("ideasPerRun", 1);
    await setSetting("autoApproveIdeas", true);
    await makeSignal({ title: "Tiny frog in a teacup", keywords: ["frog", "teacup"], score: 9000, postedAt: ago(0.3) });
    const res = await scoreNewSignals({ now });
    expect(res.ideaIds).toHaveLength(1);
    const idea = await db.idea.findUniqueOrThrow({ where: { id: res.ideaIds[0] }, include: { designs: true } });
    expect(idea.status).toBe("APPROVED");
    expect(idea.designs).toHaveLength(1);
    expect(await queue("design").getJob(idea.designs[0].id)).toBeTruthy();
  });

  it("runs through the score queue processor", async () => {
    await setSetting("ideasPerRun", 0);
    const s = await makeSignal();
    const out = (await scoreProcessor({}, {} as Job)) as { scored: number };
    expect(out.scored).toBe(1);
    expect((await db.signal.findUniqueOrThrow({ where: { id: s.id } })).status).toBe("SCORED");
  });

  it("seeds weights once without overwriting edits", async () => {
    await setWeight({ key: "novelty", value: 3 });
    await seedScoringWeights();
    const w = await loadWeights();
    expect(w.novelty).toBe(3);
    expect(w.halfLifeHours).toBe(12);
    expect(await db.scoringWeight.count()).toBe(Object.keys(WEIGHT_DEFS).length);
    await setWeight({ key: "novelty", value: 0.2 });
  });
});
