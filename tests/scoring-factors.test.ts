import { describe, expect, it } from "vitest";
import { communityFit, engagement, engagementRate, ENGAGEMENT_PRIOR, freshness, novelty, weightedTotal } from "../server/services/scoring/factors";
import { daysToRecurring, seasonality, seasonIndex, seasonalDecay } from "../server/services/scoring/seasonality";
import { centroid, cosine } from "../server/services/scoring/vector";
import { embedLocal } from "../server/providers/embeddings/local";

const H = 3_600_000;
const now = new Date("2026-06-15T12:00:00Z");

describe("freshness", () => {
  it("is 1 when just posted and halves at each half-life", () => {
    expect(freshness(now, now, 12).value).toBe(1);
    expect(freshness(new Date(now.getTime() - 12 * H), now, 12).value).toBeCloseTo(0.5, 10);
    expect(freshness(new Date(now.getTime() - 24 * H), now, 12).value).toBeCloseTo(0.25, 10);
    expect(freshness(new Date(now.getTime() - 6 * H), now, 6).value).toBeCloseTo(0.5, 10);
  });
});

describe("engagement", () => {
  const baseline = { median: Math.log1p(20), spread: 0.8, n: 50, source: "community" as const };

  it("computes points + 2×comments per hour since posting (at least one hour)", () => {
    expect(engagementRate(100, 50, new Date(now.getTime() - 4 * H), now)).toBe(50);
    expect(engagementRate(10, 0, new Date(now.getTime() - 60_000), now)).toBe(10);
  });

  it("scores above the community median higher than below it, with the median at 0.5", () => {
    const above = engagement(200, baseline).value;
    const at = engagement(20, baseline).value;
    const below = engagement(2, baseline).value;
    expect(at).toBeCloseTo(0.5, 6);
    expect(above).toBeGreaterThan(0.9);
    expect(below).toBeLessThan(0.1);
    expect(above).toBeGreaterThan(at);
  });

  it("is relative to the community: the same rate is strong in a quiet sub and weak in a busy one", () => {
    const quiet = { median: Math.log1p(2), spread: 0.5, n: 30, source: "community" as const };
    const busy = { median: Math.log1p(500), spread: 0.5, n: 30, source: "community" as const };
    expect(engagement(40, quiet).value).toBeGreaterThan(0.9);
    expect(engagement(40, busy).value).toBeLessThan(0.1);
  });

  it("falls back to the prior and reports it", () => {
    const e = engagement(5, ENGAGEMENT_PRIOR);
    expect(e.value).toBeCloseTo(0.5, 6);
    expect(e.baseline).toBe("prior");
  });
});

describe("novelty", () => {
  it("is ≈0 for text identical to the recent ideas and ≈1 for unrelated text", () => {
    const idea = embedLocal("Cozy Gaming Night with cats and hot cocoa");
    const c = centroid([idea], idea.length)!;
    expect(novelty(cosine(embedLocal("Cozy Gaming Night with cats and hot cocoa"), c)).value).toBeCloseTo(0, 6);
    expect(novelty(cosine(embedLocal("Quarterly municipal bond yields fell sharply"), c)).value).toBeGreaterThan(0.85);
  });

  it("is 1 when there are no recent ideas", () => {
    expect(novelty(null).value).toBe(1);
  });
});

describe("community fit (Beta prior)", () => {
  it("starts at the prior mean and moves with outcomes", () => {
    expect(communityFit(0, 0, 2, 2).value).toBe(0.5);
    expect(communityFit(8, 10, 2, 2).value).toBeCloseTo(10 / 14, 10);
    expect(communityFit(0, 10, 2, 2).value).toBeCloseTo(2 / 14, 10);
    expect(communityFit(1, 1, 1, 1).value).toBeCloseTo(2 / 3, 10);
  });
});

describe("seasonality", () => {
  const events = [
    { id: "e1", name: "Halloween", month: 10, day: 31, keywords: ["halloween", "spooky"] },
    { id: "e2", name: "New Year", month: 1, day: 1, keywords: ["new year", "resolution"] },
  ];
  const index = seasonIndex(events);

  it("is 1 within ±7 days of a matching event and records the event", () => {
    const m = seasonality({ keywords: ["spooky"], title: "My costume" }, new Date("2026-10-25T10:00:00Z"), index);
    expect(m.value).toBe(1);
    expect(m.event).toMatchObject({ name: "Halloween", days: 6, keyword: "spooky" });
    expect(seasonality({ keywords: [], title: "Halloween pumpkin" }, new Date("2026-11-07T00:00:00Z"), index).value).toBe(1);
  });

  it("decays outside the window and is 0 without a matching event", () => {
    expect(seasonalDecay(7)).toBe(1);
    expect(seasonalDecay(21)).toBeCloseTo(Math.exp(-1), 10);
    expect(seasonalDecay(35)).toBeLessThan(seasonalDecay(21));
    const far = seasonality({ keywords: ["halloween"], title: "x" }, new Date("2026-09-10T00:00:00Z"), index);
    expect(far.value).toBeCloseTo(Math.exp(-(51 - 7) / 14), 6);
    expect(seasonality({ keywords: ["keyboard"], title: "New switches" }, new Date("2026-10-30T00:00:00Z"), index)).toEqual({ value: 0, event: null });
  });

  it("wraps around the year (late December is close to 1 January)", () => {
    expect(daysToRecurring(new Date("2026-12-29T12:00:00Z"), 1, 1).days).toBe(3);
    expect(daysToRecurring(new Date("2027-01-03T12:00:00Z"), 12, 31).days).toBe(3);
    const m = seasonality({ keywords: [], title: "My New Year resolution list" }, new Date("2026-12-28T00:00:00Z"), index);
    expect(m.value).toBe(1);
    expect(m.event).toMatchObject({ name: "New Year", date: "2027-01-01", days: 4 });
  });
});

describe("weighted total", () => {
  it("is the weighted mean normalised by the sum of weights", () => {
    const values = { freshness: 1, engagement: 0, novelty: 0.5, communityFit: 0.5, seasonality: 0 };
    expect(weightedTotal(values, { freshness: 1, engagement: 1, novelty: 0, communityFit: 0, seasonality: 0 })).toBe(0.5);
    expect(weightedTotal(values, { freshness: 2, engagement: 0, novelty: 2, communityFit: 0, seasonality: 0 })).toBe(0.75);
    expect(weightedTotal(values, { freshness: 0, engagement: 0, novelty: 0, communityFit: 0, seasonality: 0 })).toBe(0);
  });
});
