import type { Processor } from "../tracked";

// Placeholder until the score service lands; replaced by its owner.
export const score: Processor<"score"> = async () => {
  throw new Error("score processor is not implemented yet");
};
