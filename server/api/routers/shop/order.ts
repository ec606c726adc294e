import { viewerProcedure } from "../../trpc";
import { orderDetail } from "../../../services/shop/queries";
import { ZOrderId } from "./orders.types";

export const order = viewerProcedure.input(ZOrderId).query(({ input }) => orderDetail(input.id));
