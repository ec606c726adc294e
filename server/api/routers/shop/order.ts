import { adminProcedure } from "../../trpc";
import { orderDetail } from "../../../services/shop/queries";
import { ZOrderId } from "./orders.types";

export const order = adminProcedure.input(ZOrderId).query(({ input }) => orderDetail(input.id));
