import type { Processor } from "../tracked";
import { runIngest } from "../../server/services/ingest/run-ingest";

// Read one source into signals. Safe to run twice: a rerun folds into the same signals (new: 0).
export const ingest: Processor<"ingest"> = async (payload, job) =>
  runIngest({
    sourceKey: payload.sourceKey,
    from: payload.from,
    onProgress: async (p) => {
      await job.updateProgress({ stage: p.stage, label: p.label, ...p.summary });
    },
  });
