import type { Processor } from "../tracked";

// Placeholder until the payment service lands; replaced by its owner.
export const payment: Processor<"payment"> = async () => {
  throw new Error("payment processor is not implemented yet");
};
