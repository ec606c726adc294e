import { z } from "zod";
import type { RedditPost } from "./types";

// One parser for Reddit's own wire format: a `Listing` whose children are `{ kind: "t3", data }`.
// Used by the local files, the public listing JSON and the snoowrap converter alike. Unknown fields
// are ignored (Reddit adds fields all the time); each child is validated on its own so one odd post
// never sinks a whole listing.

const num = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number)]);

export const ZT3Data = z.object({
  id: z.string().regex(/^[a-z0-9]+$/i, "a base36 post id"),
  subreddit: z.string().min(1),
  title: z.string(),
  created_utc: num,
  selftext: z.string().nullish(),
  url: z.string().nullish(),
  permalink: z.string().nullish(),
  author: z.string().nullish(),
  score: num.nullish(),
  num_comments: num.nullish(),
  over_18: z.boolean().nullish(),
  stickied: z.boolean().nullish(),
  removed_by_category: z.string().nullish(),
  subreddit_nsfw: z.boolean().nullish(),
  sr_detail: z.object({ over18: z.boolean().nullish() }).loose().nullish(),
});
export type T3Data = z.infer<typeof ZT3Data>;

export const ZThing = z.object({ kind: z.string(), data: z.unknown() });
export const ZListing = z.object({
  kind: z.literal("Listing"),
  data: z.object({
    children: z.array(ZThing),
    after: z.string().nullish(),
    before: z.string().nullish(),
  }),
});

export type ParsedListing = { posts: RedditPost[]; invalid: number; after: string | null };

/** One t3 `data` object → RedditPost (throws a ZodError when the shape is wrong). */
export function postFromT3(data: unknown): RedditPost {
  return postFromParsed(ZT3Data.parse(data), data);
}

/** A child `data` already validated by ZT3Data (so a listing parses each child once) → RedditPost. */
function postFromParsed(d: T3Data, data: unknown): RedditPost {
  const subreddit = d.subreddit.replace(/^r\//i, "").toLowerCase();
  const permalink = d.permalink ?? `/r/${d.subreddit}/comments/${d.id}/`;
  const selftext = d.selftext ?? "";
  return {
    id: d.id.replace(/^t3_/, ""),
    subreddit,
    title: d.title,
    selftext,
    url: d.url ?? `https://www.reddit.com${permalink}`,
    permalink,
    author: d.author ?? "",
    score: Math.trunc(d.score ?? 0),
    numComments: Math.trunc(d.num_comments ?? 0),
    createdUtc: d.created_utc,
    over18: d.over_18 === true,
    stickied: d.stickied === true,
    removed: d.removed_by_category != null || selftext === "[removed]",
    subredditNsfw: d.subreddit_nsfw === true || d.sr_detail?.over18 === true,
    raw: data,
  };
}

/**
 * Parse a Listing (or what Reddit returns for one post: `[postListing, commentListing]`). Non-t3
 * children (comments, "more") are ignored; t3 children that fail validation are counted in `invalid`.
 */
export function parseListing(json: unknown): ParsedListing {
  const listings = Array.isArray(json) ? json.slice(0, 1) : [json];
  const out: ParsedListing = { posts: [], invalid: 0, after: null };
  for (const l of listings) {
    const listing = ZListing.parse(l);
    out.after = listing.data.after ?? null;
    for (const child of listing.data.children) {
      if (child.kind !== "t3") continue;
      const r = ZT3Data.safeParse(child.data);
      if (r.success) out.posts.push(postFromParsed(r.data, child.data));
      else out.invalid++;
    }
  }
  return out;
}

/** "abc123", "t3_abc123", a reddit.com/…/comments/<id>/… URL or a redd.it/<id> link → "abc123". */
export function redditPostId(idOrUrl: string): string | null {
  const s = idOrUrl.trim();
  const bare = s.replace(/^t3_/i, "");
  if (/^[a-z0-9]{3,12}$/i.test(bare)) return bare.toLowerCase();
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return null;
  }
  const m = u.pathname.match(/\/comments\/([a-z0-9]{3,12})(\/|$)/i);
  if (m) return m[1].toLowerCase();
  if (/(^|\.)redd\.it$/i.test(u.hostname)) {
    const id = u.pathname.replace(/^\//, "").split("/")[0];
    if (/^[a-z0-9]{3,12}$/i.test(id)) return id.toLowerCase();
  }
  return null;
}
