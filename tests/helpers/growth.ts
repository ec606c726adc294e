import { db } from "../../server/db";
import { seededRandom } from "../../lib/random";
import { recordOutcomes, type OutcomeInput } from "../../server/services/outcomes/record-outcomes";
import { makeListing } from "./listings";

export type FactorValues = { freshness: number; engagement: number; novelty: number; communityFit: number; seasonality: number };

/**
 * Published ideas with scored factors and a history of views and sales drawn from `pSale(factors)`
 * (seeded). Returns the idea ids.
 */
export async function seedOutcomeHistory(opts: { ideas: number; views: number; seed: number; pSale: (f: FactorValues) => number }) {
  const rng = seededRandom(opts.seed);
  const ids: string[] = [];
  const events: OutcomeInput[] = [];
  for (let k = 0; k < opts.ideas; k++) {
    const { signal, idea, listing } = await makeListing({ productTypes: ["tee"] });
    const f: FactorValues = { freshness: rng(), engagement: rng(), novelty: rng(), communityFit: rng(), seasonality: rng() };
    await db.scoreBreakdown.create({ data: { signalId: signal.id, ...f, total: 0.5, weights: {}, explanation: {} } });
    await db.idea.update({ where: { id: idea.id }, data: { status: "PUBLISHED" } });
    ids.push(idea.id);
    let sales = 0;
    const p = opts.pSale(f);
    for (let v = 0; v < opts.views; v++) if (rng() < p) sales++;
    for (let v = 0; v < opts.views; v++) events.push({ kind: "VIEW", source: "STOREFRONT", listingId: listing.id });
    if (sales) events.push({ kind: "PURCHASE", source: "CSV", listingId: listing.id, quantity: sales, revenueCents: 2500 * sales });
  }
  for (let i = 0; i < events.length; i += 5000) await recordOutcomes(events.slice(i, i + 5000));
  return ids;
}

/** Takes ideas out of later learning runs (other tests in this worker share the database). */
export const retireIdeas = (ids: string[]) => db.idea.updateMany({ where: { id: { in: ids } }, data: { status: "REJECTED" } });
