import { adminProcedure } from "../../trpc";
import { rejectPosts } from "../../../services/promote/review-posts";
import { ZRejectPosts } from "./posts.types";

export const reject = adminProcedure.input(ZRejectPosts).mutation(({ ctx, input }) => rejectPosts(input.postIds, ctx.user.id, input.note));
