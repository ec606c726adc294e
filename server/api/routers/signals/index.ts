import { router } from "../../trpc";
import { list } from "./list";
import { ingestNow } from "./ingest-now";
import { ingestRun } from "./ingest-run";

// Procedures for "signals" live one per file beside this index.
export const signalsRouter = router({ list, ingestNow, ingestRun });
