import { adminProcedure } from "../../trpc";
import { listOrders } from "../../../services/shop/queries";
import { ZOrders } from "./orders.types";

export const orders = adminProcedure.input(ZOrders).query(({ input }) => listOrders(input));
