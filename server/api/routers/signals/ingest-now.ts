import { z } from "zod";
import { adminProcedure } from "../../trpc";
import { requestIngest } from "../../../services/ingest/request-ingest";

export const ingestNow = adminProcedure
  .input(z.object({ sourceKey: z.string().min(1).max(60).default("reddit") }).default({ sourceKey: "reddit" }))
  .mutation(({ ctx, input }) => requestIngest(input.sourceKey, ctx.user.id));
