import type { Processor } from "../tracked";

// Placeholder until the refund service lands; replaced by its owner.
export const refund: Processor<"refund"> = async () => {
  throw new Error("refund processor is not implemented yet");
};
