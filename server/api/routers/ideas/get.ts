import { z } from "zod";
import { adminProcedure } from "../../trpc";
import { getIdea } from "../../../services/ideas/list-ideas";

export const get = adminProcedure.input(z.object({ ideaId: z.string().min(1) })).query(({ input }) => getIdea(input.ideaId));
