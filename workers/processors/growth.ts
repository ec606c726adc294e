import { learnWeights } from "../../server/services/learning/learn-weights";
import { enforceBudgets } from "../../server/services/costs/budgets";
import { checkSla } from "../../server/services/alerts/check-sla";
import { promoteWinners } from "../../server/services/experiments/experiments";
import type { Processor } from "../tracked";

/** Growth housekeeping; each task is safe to run twice (proposal gate, idempotent checks). */
export const growth: Processor<"growth"> = async ({ task }) => {
  switch (task) {
    case "learn-weights": {
      const p = await learnWeights();
      return p ? { proposalId: p.id, status: p.status } : { skipped: "too little data" };
    }
    case "enforce-budgets":
      return { paused: (await enforceBudgets()).paused };
    case "check-sla":
      return await checkSla();
    case "promote-winners":
      return { promoted: await promoteWinners() };
  }
};
