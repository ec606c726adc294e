import { z } from "zod";
import { viewerProcedure } from "../../trpc";
import { getIdea } from "../../../services/ideas/list-ideas";

export const get = viewerProcedure.input(z.object({ ideaId: z.string().min(1) })).query(({ input }) => getIdea(input.ideaId));
