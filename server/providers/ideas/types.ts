import type { ProductType } from "../../../lib/vocabulary";

export { PRODUCT_TYPES } from "../../../lib/vocabulary";
export { ZIdeaDraft } from "../../../lib/idea-draft";
import type { IdeaDraft as BaseIdeaDraft } from "../../../lib/idea-draft";
export type IdeaProductType = ProductType;
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
export type IdeaDraft = BaseIdeaDraft & { recipe?: IdeaRecipe };

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
