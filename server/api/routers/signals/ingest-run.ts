import { z } from "zod";
import { viewerProcedure } from "../../trpc";
import { ingestRunStatus } from "../../../services/ingest/request-ingest";

export const ingestRun = viewerProcedure
  .input(z.object({ jobRunId: z.string().regex(/^ingest-[\w:-]+$/, "an ingest job run id") }))
  .query(({ input }) => ingestRunStatus(input.jobRunId));
