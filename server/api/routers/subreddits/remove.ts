import { adminProcedure } from "../../trpc";
import { deleteSubreddit } from "../../../services/ingest/manage-subreddits";
import { ZRemoveSubreddit } from "./upsert.types";

export const remove = adminProcedure.input(ZRemoveSubreddit).mutation(({ ctx, input }) => deleteSubreddit(input.id, ctx.user.id));
