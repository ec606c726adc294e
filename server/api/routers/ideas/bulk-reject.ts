import { adminProcedure } from "../../trpc";
import { bulkRejectIdeas } from "../../../services/ideas/bulk-review";
import { ZBulkReject } from "./review.types";

export const bulkReject = adminProcedure
  .input(ZBulkReject)
  .mutation(({ ctx, input }) => bulkRejectIdeas({ ideaIds: input.ideaIds, by: ctx.user.id, note: input.note }));
