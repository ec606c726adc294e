import { adminProcedure } from "../../trpc";
import { upsertSubreddit } from "../../../services/ingest/manage-subreddits";
import { ZUpsertSubreddit } from "./upsert.types";

export const upsert = adminProcedure.input(ZUpsertSubreddit).mutation(({ ctx, input }) => upsertSubreddit(input, ctx.user.id));
