import { z } from "zod";

export const PRODUCT_TYPES = ["tee", "sticker", "mug", "poster"] as const;
export type IdeaProductType = (typeof PRODUCT_TYPES)[number];

/** What every idea writer must return; both writers are validated against it. */
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

/** The post an idea is written from. */
export type IdeaInput = {
  signalId: string;
  title: string;
  body: string;
  community: string | null;
  keywords: string[];
  /** Subreddit.style hint, e.g. "retro pixel art". */
  style: string | null;
  /** Forced product types (e.g. a commission tier); otherwise the writer picks. */
  productTypes?: IdeaProductType[];
};

import type { ProviderUsage } from "../usage";

export type IdeaWriter = {
  /** Recorded on Idea.writer. */
  name: string;
  /** Recorded on Idea.promptVersion. */
  promptVersion: string;
  /** `usage` is set when the writer called an external API (its cost row is written by the caller). */
  write(input: IdeaInput): Promise<IdeaDraft & { usage?: ProviderUsage }>;
};
