import { adminProcedure } from "../../trpc";
import { setWeight as saveWeight } from "../../../services/scoring/weights";
import { ZSetWeight } from "./set-weight.types";

export const setWeight = adminProcedure.input(ZSetWeight).mutation(({ ctx, input }) => saveWeight({ key: input.key, value: input.value, by: ctx.user.id }));
