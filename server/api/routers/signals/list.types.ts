import { z } from "zod";

export const ZListSignals = z.object({
  status: z.enum(["NEW", "SCORED", "IDEATED", "REJECTED"]).optional(),
  community: z.string().trim().max(40).optional(),
  source: z.string().trim().max(60).optional(),
  search: z.string().trim().max(200).optional(),
  cursor: z.string().max(200).optional(),
  take: z.number().int().min(1).max(100).default(25),
});
export type ListSignalsInput = z.infer<typeof ZListSignals>;
