import { adminProcedure } from "../../trpc";
import { listSubreddits } from "../../../services/ingest/manage-subreddits";

export const list = adminProcedure.query(() => listSubreddits());
