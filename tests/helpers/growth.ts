import { db } from "../../server/db";
import { seededRandom } from "../../lib/random";
import { recordOutcomes, type OutcomeInput } from "../../server/services/outcomes/record-outcomes";
import { uid } from "./factories";

export type FactorValues = { freshness: number; engagement: number; novelty: number; communityFit: number; seasonality: number };

/**
 * Published ideas with scored factors and a history of views and sales drawn from `pSale(factors)`
 * (seeded). Returns the idea ids.
 */
export async function seedOutcomeHistory(opts: { ideas: number; views: number; seed: number; pSale: (f: FactorValues) => number }) {
  const rng = seededRandom(opts.seed);
  const chain = await makeChains(opts.ideas, { ideaStatus: "PUBLISHED" });
  const events: OutcomeInput[] = [];
  const breakdowns = [];
  for (const c of chain) {
    const f: FactorValues = { freshness: rng(), engagement: rng(), novelty: rng(), communityFit: rng(), seasonality: rng() };
    breakdowns.push({ signalId: c.signalId, ...f, total: 0.5, weights: {}, explanation: {} });
    let sales = 0;
    const p = opts.pSale(f);
    for (let v = 0; v < opts.views; v++) if (rng() < p) sales++;
    for (let v = 0; v < opts.views; v++) events.push({ kind: "VIEW", source: "STOREFRONT", listingId: c.listingId });
    if (sales) events.push({ kind: "PURCHASE", source: "CSV", listingId: c.listingId, quantity: sales, revenueCents: 2500 * sales });
  }
  await db.scoreBreakdown.createMany({ data: breakdowns });
  for (let i = 0; i < events.length; i += 10_000) await recordOutcomes(events.slice(i, i + 10_000));
  return chain.map((c) => c.ideaId);
}

/** n signal → idea → design → listing chains in four createMany statements (no files). */
export async function makeChains(n: number, opts: { ideaStatus?: "DESIGNED" | "PUBLISHED"; community?: string; theme?: string; signalCreatedAt?: Date } = {}) {
  const source = await db.source.upsert({ where: { key: "test-growth" }, create: { key: "test-growth", kind: "LOCAL", name: "Growth tests" }, update: {} });
  const rows = Array.from({ length: n }, () => {
    const t = uid().replace(/[^a-z0-9]/gi, "");
    return { signalId: `sg${t}growth`, ideaId: `id${t}growth`, designId: `ds${t}growth`, listingId: `ls${t}growth`, t };
  });
  await db.signal.createMany({ data: rows.map((r) => ({ id: r.signalId, sourceId: source.id, externalId: r.t, contentHash: `growth-${r.t}`, community: opts.community ?? "growthsub", title: `Signal ${r.t}`, postedAt: new Date(), keywords: [], raw: {}, status: "IDEATED" as const, ...(opts.signalCreatedAt ? { createdAt: opts.signalCreatedAt } : {}) })) });
  await db.idea.createMany({ data: rows.map((r) => ({ id: r.ideaId, signalId: r.signalId, theme: opts.theme ?? "growth", title: `Idea ${r.t}`, imagePrompt: "x", productTypes: ["tee"], promptVersion: "test", writer: "test", status: opts.ideaStatus ?? "DESIGNED" })) });
  await db.design.createMany({ data: rows.map((r) => ({ id: r.designId, ideaId: r.ideaId, provider: "local", status: "DONE" as const, progress: 100, prompt: "x", finishedAt: new Date() })) });
  await db.listing.createMany({ data: rows.map((r) => ({ id: r.listingId, designId: r.designId, title: `Listing ${r.t}`, description: "d", priceCents: 2500 })) });
  return rows;
}

/** Takes ideas out of later learning runs (other tests in this worker share the database). */
export const retireIdeas = (ids: string[]) => db.idea.updateMany({ where: { id: { in: ids } }, data: { status: "REJECTED" } });
