import { publicProcedure } from "../../trpc";
import { leaderboard as board } from "../../../services/donations/fundraising";

export const leaderboard = publicProcedure.query(() => board());
