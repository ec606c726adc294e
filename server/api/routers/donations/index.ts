import { router } from "../../trpc";
import { create } from "./create";

// Procedures for "donations" live one per file beside this index.
export const donationsRouter = router({ create });
