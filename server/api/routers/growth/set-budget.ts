import { adminProcedure } from "../../trpc";
import { setBudget as save, ZSetBudget } from "../../../services/costs/budgets";

export const setBudget = adminProcedure.input(ZSetBudget).mutation(({ ctx, input }) => save(input, ctx.user.id));
