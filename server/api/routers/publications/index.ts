import { router } from "../../trpc";

// Procedures for "publications" live one per file beside this index.
export const publicationsRouter = router({});
