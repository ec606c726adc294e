import { adminProcedure } from "../../trpc";
import { requestOrderRefund } from "../../../services/shop/refund-order";
import { ZOrderId } from "./orders.types";

export const refundOrder = adminProcedure.input(ZOrderId).mutation(async ({ ctx, input }) => {
  const r = await requestOrderRefund(input.id, "refunded_by_admin", { by: ctx.user.id });
  return { refundId: r.id, status: r.status };
});
