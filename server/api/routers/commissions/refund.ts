import { z } from "zod";
import { adminProcedure } from "../../trpc";
import { requestRefund } from "../../../services/commissions/request-refund";

export const refund = adminProcedure
  .input(z.object({ id: z.string().min(1) }))
  .mutation(async ({ ctx, input }) => {
    const r = await requestRefund(input.id, "refunded_by_admin", { by: ctx.user.id });
    return { refundId: r.id, status: r.status };
  });
