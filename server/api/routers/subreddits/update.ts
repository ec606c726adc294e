import { adminProcedure } from "../../trpc";
import { updateSubreddit } from "../../../services/ingest/manage-subreddits";
import { ZUpdateSubreddit } from "./upsert.types";

export const update = adminProcedure
  .input(ZUpdateSubreddit)
  .mutation(({ ctx, input: { id, ...patch } }) => updateSubreddit(id, patch, ctx.user.id));
