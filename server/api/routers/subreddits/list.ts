import { viewerProcedure } from "../../trpc";
import { listSubreddits } from "../../../services/ingest/manage-subreddits";

export const list = viewerProcedure.query(() => listSubreddits());
