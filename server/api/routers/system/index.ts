import { z } from "zod";
import { adminProcedure, router, viewerProcedure } from "../../trpc";
import { systemStatus } from "../../../services/system/status";
import { listFailedJobs, recentJobRuns, retryJob } from "../../../services/system/queues";
import { queueNames } from "../../../queues/contracts";

const ZQueue = z.enum(queueNames as [string, ...string[]]) as z.ZodType<(typeof queueNames)[number]>;

export const systemRouter = router({
  status: viewerProcedure.query(() => systemStatus()),
  failedJobs: viewerProcedure
    .input(z.object({ queue: ZQueue, page: z.number().int().min(0).default(0) }))
    .query(({ input }) => listFailedJobs(input.queue, input.page)),
  retryJob: adminProcedure
    .input(z.object({ queue: ZQueue, jobId: z.string().min(1) }))
    .mutation(({ ctx, input }) => retryJob(input.queue, input.jobId, ctx.user.id)),
  jobRuns: viewerProcedure
    .input(z.object({ queue: ZQueue.optional(), status: z.enum(["QUEUED", "RUNNING", "DONE", "FAILED"]).optional(), cursor: z.string().optional() }))
    .query(({ input }) => recentJobRuns(input)),
});
