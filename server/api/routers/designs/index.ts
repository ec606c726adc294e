import { router } from "../../trpc";

// Procedures for "designs" live one per file beside this index.
export const designsRouter = router({});
