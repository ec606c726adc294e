import { z } from "zod";

export const ZIdeaStatus = z.enum(["NEW", "APPROVED", "REJECTED", "DESIGNED", "PUBLISHED"]);

export const ZListIdeas = z.object({
  status: ZIdeaStatus.optional(),
  community: z.string().trim().min(1).max(64).optional(),
  cursor: z.string().min(1).optional(),
  limit: z.number().int().min(1).max(100).default(20),
});
