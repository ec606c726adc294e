import { z } from "zod";

export const ZListPublications = z.object({
  status: z.enum(["QUEUED", "RUNNING", "PUBLISHED", "FAILED"]).optional(),
  marketplace: z.enum(["LOCAL", "ZAZZLE", "PRINTFUL"]).optional(),
  cursor: z.string().min(1).optional(),
  take: z.number().int().min(1).max(100).default(25),
});
