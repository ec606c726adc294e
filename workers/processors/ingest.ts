import type { Processor } from "../tracked";

// Placeholder until the ingest service lands; replaced by its owner.
export const ingest: Processor<"ingest"> = async () => {
  throw new Error("ingest processor is not implemented yet");
};
