import { z } from "zod";
import { adminProcedure } from "../../trpc";
import { approveCommission } from "../../../services/commissions/review";

export const approve = adminProcedure.input(z.object({ id: z.string().min(1) })).mutation(({ ctx, input }) => approveCommission(input.id, ctx.user.id));
