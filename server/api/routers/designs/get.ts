import { z } from "zod";
import { viewerProcedure } from "../../trpc";
import { getDesign } from "../../../services/design/list-designs";

export const get = viewerProcedure.input(z.object({ id: z.string().min(1) })).query(({ input }) => getDesign(input.id));
