import { router } from "../../trpc";

// Procedures for "store" live one per file beside this index.
export const storeRouter = router({});
