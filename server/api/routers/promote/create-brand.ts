import { adminProcedure } from "../../trpc";
import { createBrand as create } from "../../../services/promote/accounts";
import { ZCreateBrand } from "./brand.types";

export const createBrand = adminProcedure.input(ZCreateBrand).mutation(({ ctx, input }) => create(input, ctx.user.id));
