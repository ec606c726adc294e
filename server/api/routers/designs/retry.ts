import { z } from "zod";
import { adminProcedure } from "../../trpc";
import { retryDesign } from "../../../services/design/retry-design";

export const retry = adminProcedure.input(z.object({ id: z.string().min(1) })).mutation(({ ctx, input }) => retryDesign(input.id, ctx.user.id));
