import type { ProductType } from "../../../lib/vocabulary";

export { PRODUCT_TYPES } from "../../../lib/vocabulary";
export { ZIdeaDraft, type IdeaDraft } from "../../../lib/idea-draft";
import type { IdeaDraft } from "../../../lib/idea-draft";
export type IdeaProductType = ProductType;

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

export type IdeaWriter = {
  /** Recorded on Idea.writer. */
  name: string;
  /** Recorded on Idea.promptVersion. */
  promptVersion: string;
  write(input: IdeaInput): Promise<IdeaDraft>;
};
