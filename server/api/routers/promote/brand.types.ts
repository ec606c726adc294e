import { z } from "zod";

const cents = z.number().int().min(0).max(10_000_000);
export const ZCreateBrand = z.object({
  name: z.string().trim().min(1, "Name the brand").max(80),
  dailyCapCents: cents.optional(),
  monthlyCapCents: cents.optional(),
  postsPerHour: z.number().int().min(0).max(10_000).optional(),
});
export const ZUpdateBrand = ZCreateBrand.omit({ name: true }).extend({ brandId: z.string().min(1) });
