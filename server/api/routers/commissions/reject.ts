import { z } from "zod";
import { adminProcedure } from "../../trpc";
import { rejectCommission } from "../../../services/commissions/review";

export const reject = adminProcedure
  .input(z.object({ id: z.string().min(1), note: z.string().max(500).optional() }))
  .mutation(async ({ ctx, input }) => {
    const r = await rejectCommission(input.id, ctx.user.id, input.note);
    return { refundId: r.id, status: r.status };
  });
