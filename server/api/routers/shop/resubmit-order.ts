import { adminProcedure } from "../../trpc";
import { resubmitOrder } from "../../../services/shop/submit-order";
import { ZOrderId } from "./orders.types";

export const resubmit = adminProcedure.input(ZOrderId).mutation(({ ctx, input }) => resubmitOrder(input.id, ctx.user.id));
