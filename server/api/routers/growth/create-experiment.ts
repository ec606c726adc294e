import { adminProcedure } from "../../trpc";
import { createExperiment as create, ZCreateExperiment } from "../../../services/experiments/experiments";

export const createExperiment = adminProcedure.input(ZCreateExperiment).mutation(({ ctx, input }) => create(input, ctx.user.id));
