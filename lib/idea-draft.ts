import { z } from "zod";
import { PRODUCT_TYPES } from "./vocabulary";

/** What every idea writer must return and what an admin's edit must satisfy (form and server alike). */
export const ZIdeaDraft = z.object({
  theme: z.string().trim().min(3, "theme is too short").max(60, "theme must be at most 60 characters"),
  title: z.string().trim().min(3, "title is too short").max(60, "title must be at most 60 characters"),
  imagePrompt: z.string().trim().min(20, "imagePrompt is too short").max(1200, "imagePrompt must be at most 1200 characters"),
  productTypes: z
    .array(z.enum(PRODUCT_TYPES))
    .min(1, "pick at least one product type")
    .max(4)
    .refine((a) => new Set(a).size === a.length, "productTypes must not repeat"),
});
export type IdeaDraft = z.infer<typeof ZIdeaDraft>;
