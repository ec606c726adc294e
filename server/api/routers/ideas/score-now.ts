import { z } from "zod";
import { adminProcedure } from "../../trpc";
import { enqueue } from "../../../queues/enqueue";

/** Queue a scoring run now (the worker scores every NEW signal). */
export const scoreNow = adminProcedure
  .input(z.object({ reason: z.string().max(100).optional() }).optional())
  .mutation(async ({ ctx, input }) => {
    const job = await enqueue("score", { reason: input?.reason ?? `admin:${ctx.user.id}` });
    return { jobId: job.id ?? null };
  });
