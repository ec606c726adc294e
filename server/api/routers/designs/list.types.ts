import { z } from "zod";

export const ZListDesigns = z.object({
  status: z.enum(["QUEUED", "RUNNING", "DONE", "FAILED"]).optional(),
  cursor: z.string().min(1).optional(),
  take: z.number().int().min(1).max(100).default(24),
});
