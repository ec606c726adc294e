import { adminProcedure } from "../../trpc";
import { setPrice as save, ZSetPrice } from "../../../services/costs/prices";

export const setPrice = adminProcedure.input(ZSetPrice).mutation(({ ctx, input }) => save(input, ctx.user.id));
