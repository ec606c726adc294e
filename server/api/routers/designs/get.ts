import { z } from "zod";
import { adminProcedure } from "../../trpc";
import { getDesign } from "../../../services/design/list-designs";

export const get = adminProcedure.input(z.object({ id: z.string().min(1) })).query(({ input }) => getDesign(input.id));
