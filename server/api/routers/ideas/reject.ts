import { adminProcedure } from "../../trpc";
import { rejectIdea } from "../../../services/ideas/reject-idea";
import { ZRejectIdea } from "./review.types";

export const reject = adminProcedure
  .input(ZRejectIdea)
  .mutation(({ ctx, input }) => rejectIdea({ ideaId: input.ideaId, by: ctx.user.id, note: input.note }));
