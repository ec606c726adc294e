import { publicProcedure } from "../../trpc";
import { listProducts } from "../../../services/store/list-products";
import { ZStoreProducts } from "./products.types";

export const products = publicProcedure.input(ZStoreProducts).query(({ input }) => listProducts(input));
