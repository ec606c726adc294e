import { router } from "../../trpc";

// Procedures for "subreddits" live one per file beside this index.
export const subredditsRouter = router({});
