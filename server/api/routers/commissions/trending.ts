import { z } from "zod";
import { publicProcedure } from "../../trpc";
import { trendingPosts } from "../../../services/commissions/trending";

export const trending = publicProcedure.input(z.object({ limit: z.number().int().min(1).max(50).default(12) }).optional()).query(({ input }) => trendingPosts(input?.limit ?? 12));
