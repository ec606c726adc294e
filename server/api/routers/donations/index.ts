import { router } from "../../trpc";
import { create } from "./create";
import { goals } from "./goals";
import { leaderboard } from "./leaderboard";

// Procedures for "donations" live one per file beside this index.
export const donationsRouter = router({ create, goals, leaderboard });
