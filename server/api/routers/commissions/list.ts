import { z } from "zod";
import { viewerProcedure } from "../../trpc";
import { listCommissions } from "../../../services/commissions/queries";
import { ZCommissionStatus } from "./list.types";

export const list = viewerProcedure
  .input(z.object({ status: ZCommissionStatus.optional(), page: z.number().int().min(1).default(1) }))
  .query(({ input }) => listCommissions({ status: input.status, page: input.page }));
