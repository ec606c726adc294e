import { adminProcedure } from "../../trpc";
import { editIdea } from "../../../services/ideas/edit-idea";
import { ZEditIdea } from "./edit.types";

export const edit = adminProcedure.input(ZEditIdea).mutation(({ ctx, input }) =>
  editIdea({ ideaId: input.ideaId, by: ctx.user.id, title: input.title, theme: input.theme, imagePrompt: input.imagePrompt, productTypes: input.productTypes }),
);
