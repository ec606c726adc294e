import { adminProcedure } from "../../trpc";
import { updateTier as update, ZUpdateTier } from "../../../services/commissions/tiers";

export const updateTier = adminProcedure.input(ZUpdateTier).mutation(({ ctx, input }) => update(input, ctx.user.id));
