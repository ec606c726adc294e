import { adminProcedure } from "../../trpc";
import { editPost } from "../../../services/promote/review-posts";
import { ZEditPost } from "./posts.types";

export const edit = adminProcedure.input(ZEditPost).mutation(async ({ ctx, input }) => {
  const p = await editPost(input.postId, { title: input.title, body: input.body }, ctx.user.id);
  return { id: p.id, status: p.status };
});
