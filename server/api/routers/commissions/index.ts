import { router } from "../../trpc";

// Procedures for "commissions" live one per file beside this index.
export const commissionsRouter = router({});
