import { adminProcedure } from "../../trpc";
import { bulkApproveIdeas } from "../../../services/ideas/bulk-review";
import { ZBulkApprove } from "./review.types";

export const bulkApprove = adminProcedure
  .input(ZBulkApprove)
  .mutation(({ ctx, input }) => bulkApproveIdeas({ ideaIds: input.ideaIds, by: ctx.user.id, quality: input.quality }));
