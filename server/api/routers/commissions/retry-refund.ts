import { z } from "zod";
import { adminProcedure } from "../../trpc";
import { retryRefund as retry } from "../../../services/payments/run-refund";

export const retryRefund = adminProcedure.input(z.object({ refundId: z.string().min(1) })).mutation(({ ctx, input }) => retry(input.refundId, ctx.user.id));
