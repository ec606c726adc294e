import { join } from "node:path";
import { redditPostId } from "./listing";
import { listingFilePaths, readListingFile, type ListingFile } from "./files";
import type { ListingSortName, RedditClient, RedditPost } from "./types";

// Offline Reddit: a directory of Listing files (REDDIT_LOCAL_DIR, default data/reddit), one per
// listing, named after it (`cats.json` is r/cats). It does the real job — sorting, limiting, looking
// a post up by id or URL — on files in Reddit's own format.
//
// Freshness: shipped files are static, so by default each file's timestamps are shifted together so
// its newest post is `SHIFT_TO_SECONDS_AGO` old. Relative ages stay as captured; `raw` keeps the
// original `created_utc` untouched. Pass `{ shiftTimes: false }` to read timestamps as they are.

export const SHIFT_TO_SECONDS_AGO = 5 * 60;

export function shiftToNow(posts: RedditPost[], nowSec = Math.floor(Date.now() / 1000)): RedditPost[] {
  if (!posts.length) return posts;
  const newest = Math.max(...posts.map((p) => p.createdUtc));
  const delta = nowSec - SHIFT_TO_SECONDS_AGO - newest;
  return posts.map((p) => ({ ...p, createdUtc: p.createdUtc + delta }));
}

export function sortPosts(posts: RedditPost[], sort: ListingSortName, nowSec = Date.now() / 1000): RedditPost[] {
  const copy = [...posts];
  if (sort === "new") return copy.sort((a, b) => b.createdUtc - a.createdUtc);
  if (sort === "top") return copy.sort((a, b) => b.score - a.score);
  if (sort === "rising") {
    const velocity = (p: RedditPost) => p.score / Math.pow(Math.max(0, nowSec - p.createdUtc) / 3600 + 2, 1.5);
    return copy.sort((a, b) => velocity(b) - velocity(a));
  }
  return copy; // hot: the order the listing was captured in
}

export function localReddit(dir: string, opts: { shiftTimes?: boolean } = {}): RedditClient {
  const shift = opts.shiftTimes ?? true;
  const load = async (file: string): Promise<ListingFile | null> => {
    const f = await readListingFile(file).catch((e: NodeJS.ErrnoException) => {
      if (e.code === "ENOENT") return null;
      throw e;
    });
    return f && shift ? { ...f, posts: shiftToNow(f.posts) } : f;
  };
  return {
    async listing(sub, sort, limit) {
      const f = await load(join(dir, `${sub.toLowerCase().replace(/^r\//, "")}.json`));
      return f ? sortPosts(f.posts, sort).slice(0, limit) : [];
    },
    async post(idOrUrl) {
      const id = redditPostId(idOrUrl);
      if (!id) return null;
      const files = await listingFilePaths(dir).catch(() => []);
      for (const file of files) {
        const f = await load(file);
        const hit = f?.posts.find((p) => p.id === id);
        if (hit) return hit;
      }
      return null;
    },
  };
}
