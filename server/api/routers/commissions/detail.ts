import { z } from "zod";
import { adminProcedure } from "../../trpc";
import { commissionDetail } from "../../../services/commissions/queries";

export const detail = adminProcedure.input(z.object({ id: z.string().min(1) })).query(({ input }) => commissionDetail(input.id));
