import { router } from "../../trpc";

// Procedures for "signals" live one per file beside this index.
export const signalsRouter = router({});
