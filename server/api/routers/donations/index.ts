import { router } from "../../trpc";

// Procedures for "donations" live one per file beside this index.
export const donationsRouter = router({});
