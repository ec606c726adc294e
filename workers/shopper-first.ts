import { queue } from "../server/queues/connection";

/** Longest a design job holds back its full-size files for commissions, in all. */
export const SHOPPER_FIRST_BUDGET_MS = 30_000;
const POLL_MS = 200;

/**
 * A `beforePrintFile` hook for runDesign: resolves once no commission job is waiting or running
 * (what shoppers watch: their preview and product page), checked before each full-size file. On two
 * cores a print file running beside a burst of commissions takes half their CPU; waiting for them
 * first is what makes the print files "follow". The budget bounds the wait, so under a steady
 * stream of commissions the print files still move on, and orders and marketplaces get them.
 */
export function shopperWorkFirst(budgetMs = SHOPPER_FIRST_BUDGET_MS) {
  let until: number | undefined;
  return async () => {
    until ??= Date.now() + budgetMs;
    while (Date.now() < until) {
      const c = await queue("commission").getJobCounts("active", "waiting", "prioritized");
      if (!c.active && !c.waiting && !c.prioritized) return;
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  };
}
