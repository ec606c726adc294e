import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { randomBytes } from "node:crypto";

// Builders for Reddit's own wire format (Listing of t3 things), for tests that write listing files
// or serve them from a local HTTP server.

export type T3 = Record<string, unknown> & { id: string; subreddit: string; title: string; created_utc: number };

/** A unique base36 post id. */
export const postId = () => `t${BigInt(`0x${randomBytes(6).toString("hex")}`).toString(36)}`.slice(0, 10);

export function t3(over: Partial<T3> & { subreddit?: string } = {}): T3 {
  const id = over.id ?? postId();
  const subreddit = over.subreddit ?? "cats";
  const title = over.title ?? `Post ${id} about a very cozy cat nap`;
  return {
    id,
    name: `t3_${id}`,
    subreddit,
    subreddit_name_prefixed: `r/${subreddit}`,
    title,
    selftext: "",
    author: "crumbly_biscuit",
    score: 100,
    ups: 100,
    num_comments: 7,
    created_utc: 1763800000,
    over_18: false,
    stickied: false,
    removed_by_category: null,
    permalink: `/r/${subreddit}/comments/${id}/post/`,
    url: `https://i.redd.it/${id}.jpeg`,
    is_self: false,
    subreddit_type: "public",
    thumbnail: "default",
    ...over,
  };
}

export const listing = (posts: T3[], after: string | null = null) => ({
  kind: "Listing",
  data: { after, before: null, dist: posts.length, modhash: "", children: posts.map((data) => ({ kind: "t3", data })) },
});

/** Write `{ name: posts }` as `<dir>/<name>.json` listing files; returns the directory. */
export function writeListings(dir: string, files: Record<string, T3[]>) {
  mkdirSync(dir, { recursive: true });
  for (const [name, posts] of Object.entries(files)) writeFileSync(join(dir, `${name}.json`), JSON.stringify(listing(posts)));
  return dir;
}
