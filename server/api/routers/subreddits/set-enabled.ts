import { adminProcedure } from "../../trpc";
import { updateSubreddit } from "../../../services/ingest/manage-subreddits";
import { ZSetSubredditEnabled } from "./upsert.types";

export const setEnabled = adminProcedure
  .input(ZSetSubredditEnabled)
  .mutation(({ ctx, input }) => updateSubreddit(input.id, { enabled: input.enabled }, ctx.user.id));
