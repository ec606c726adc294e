import { z } from "zod";
import { viewerProcedure } from "../../trpc";
import { commissionDetail } from "../../../services/commissions/queries";

export const detail = viewerProcedure.input(z.object({ id: z.string().min(1) })).query(({ input }) => commissionDetail(input.id));
