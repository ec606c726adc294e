import { z } from "zod";
import { publicProcedure } from "../../trpc";
import { commissionStatusByToken } from "../../../services/commissions/queries";

export const status = publicProcedure.input(z.object({ token: z.string().min(10) })).query(({ input }) => commissionStatusByToken(input.token));
