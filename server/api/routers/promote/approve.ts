import { adminProcedure } from "../../trpc";
import { approvePosts } from "../../../services/promote/review-posts";
import { ZPostIds } from "./posts.types";

/** Approves one or many drafts (bulk approve); each gets its account's next posting slot. */
export const approve = adminProcedure.input(ZPostIds).mutation(async ({ ctx, input }) => {
  const r = await approvePosts(input.postIds, ctx.user.id);
  return { approved: r.approved, skipped: r.skipped };
});
