import { scoreNewSignals } from "../../server/services/scoring/score-signals";
import type { Processor } from "../tracked";

/** Scores every NEW signal; the best N become ideas. Safe to run twice (only NEW signals are scored). */
export const score: Processor<"score"> = async () => {
  const { scored, ideaIds } = await scoreNewSignals();
  return { scored, ideas: ideaIds.length, ideaIds };
};
