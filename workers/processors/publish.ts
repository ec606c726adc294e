import type { Processor } from "../tracked";

// Placeholder until the publish service lands; replaced by its owner.
export const publish: Processor<"publish"> = async () => {
  throw new Error("publish processor is not implemented yet");
};
