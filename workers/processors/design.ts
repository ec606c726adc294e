import type { Processor } from "../tracked";

// Placeholder until the design service lands; replaced by its owner.
export const design: Processor<"design"> = async () => {
  throw new Error("design processor is not implemented yet");
};
