import { router } from "../../trpc";

// Procedures for "ideas" live one per file beside this index.
export const ideasRouter = router({});
