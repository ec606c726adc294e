import { adminProcedure } from "../../trpc";
import { approveIdea } from "../../../services/ideas/approve-idea";
import { ZApproveIdea } from "./review.types";

export const approve = adminProcedure
  .input(ZApproveIdea)
  .mutation(({ ctx, input }) => approveIdea({ ideaId: input.ideaId, by: ctx.user.id, quality: input.quality }));
