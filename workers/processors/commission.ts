import type { Processor } from "../tracked";

// Placeholder until the commission service lands; replaced by its owner.
export const commission: Processor<"commission"> = async () => {
  throw new Error("commission processor is not implemented yet");
};
