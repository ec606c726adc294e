import { z } from "zod";
import { adminProcedure } from "../../trpc";
import { ingestRunStatus } from "../../../services/ingest/request-ingest";

export const ingestRun = adminProcedure
  .input(z.object({ jobRunId: z.string().regex(/^ingest-[\w:-]+$/, "an ingest job run id") }))
  .query(({ input }) => ingestRunStatus(input.jobRunId));
