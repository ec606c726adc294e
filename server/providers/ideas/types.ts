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
/**
 * How a draft was made, when the writer knows: the template family and pattern, the typed slots and
 * the post's phrases (slot fillers first). Recorded on the Idea so the growth loop can learn which
 * families sell. The OpenAI writer writes free-form and leaves it out.
 */
export type IdeaRecipe = {
  family: string;
  /** The template pattern, e.g. "Chief {noun} Officer"; null for the post's own words. */
  pattern: string | null;
  slots: Array<{ kind: string; text: string }>;
  phrases: string[];
};
export type IdeaDraft = z.infer<typeof ZIdeaDraft> & { recipe?: IdeaRecipe };

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
  /** Template family of the community's most recent idea; a writer with families avoids repeating it. */
  previousFamily?: string | null;
  /** Final-text check (denylist and safety): returns why a text may not be printed, or null. */
  screen?: (text: string) => string | null;
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
