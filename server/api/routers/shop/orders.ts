import { viewerProcedure } from "../../trpc";
import { listOrders } from "../../../services/shop/queries";
import { ZOrders } from "./orders.types";

export const orders = viewerProcedure.input(ZOrders).query(({ input }) => listOrders(input));
