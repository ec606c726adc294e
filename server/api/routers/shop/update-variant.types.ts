import { z } from "zod";

export const ZUpdateVariant = z.object({
  id: z.string().min(1),
  retailCents: z.number().int().min(50).max(1_000_000).optional(),
  baseCostCents: z.number().int().min(0).max(1_000_000).optional(),
  active: z.boolean().optional(),
});
