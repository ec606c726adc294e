// The Reddit provider contract. Every implementation (local files, public listing JSON, OAuth via
// snoowrap) reads Reddit's own Listing/t3 format through one parser (./listing.ts).

export const LISTING_SORTS = ["hot", "new", "top", "rising"] as const;
export type ListingSortName = (typeof LISTING_SORTS)[number];

export type RedditPost = {
  /** base36 id without the "t3_" prefix */
  id: string;
  /** lower-case, without "r/" */
  subreddit: string;
  title: string;
  selftext: string;
  url: string;
  permalink: string;
  author: string;
  score: number;
  numComments: number;
  /** seconds since the epoch */
  createdUtc: number;
  over18: boolean;
  stickied: boolean;
  removed: boolean;
  subredditNsfw: boolean;
  /** the t3 `data` object exactly as Reddit (or the file) sent it */
  raw: unknown;
};

export type RedditClient = {
  listing(sub: string, sort: ListingSortName, limit: number): Promise<RedditPost[]>;
  post(idOrUrl: string): Promise<RedditPost | null>;
};
