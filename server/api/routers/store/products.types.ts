import { z } from "zod";

export const ZStoreProducts = z.object({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(24),
  community: z.string().min(1).max(100).optional(),
});
