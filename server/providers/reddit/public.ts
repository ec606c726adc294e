import { AppError } from "../../errors";
import { parseListing, redditPostId } from "./listing";
import type { RedditClient } from "./types";

// Reddit's public listing JSON over HTTPS (no login): `/r/<sub>/<sort>.json?limit=N` and
// `/by_id/t3_<id>.json` for one post. `baseUrl` is REDDIT_BASE_URL (https://www.reddit.com).

export function publicReddit(opts: { baseUrl: string; userAgent: string; timeoutMs?: number }): RedditClient {
  const base = opts.baseUrl.replace(/\/$/, "");
  const get = async (path: string): Promise<unknown | null> => {
    const res = await fetch(`${base}${path}`, {
      headers: { "user-agent": opts.userAgent, accept: "application/json" },
      signal: AbortSignal.timeout(opts.timeoutMs ?? 15_000),
      redirect: "follow",
    }).catch((e: Error) => {
      throw new AppError("UPSTREAM", `Reddit did not answer ${path}: ${e.message}`);
    });
    if (res.status === 404 || res.status === 403) return null; // banned, private or missing
    if (res.status === 429) throw new AppError("TOO_MANY_REQUESTS", "Reddit rate limit reached; try again later");
    if (!res.ok) throw new AppError("UPSTREAM", `Reddit answered ${res.status} for ${path}`);
    return res.json();
  };
  return {
    async listing(sub, sort, limit) {
      const name = encodeURIComponent(sub.replace(/^r\//i, ""));
      const json = await get(`/r/${name}/${sort}.json?limit=${Math.min(100, Math.max(1, limit))}&raw_json=1`);
      return json ? parseListing(json).posts : [];
    },
    async post(idOrUrl) {
      const id = redditPostId(idOrUrl);
      if (!id) return null;
      const json = await get(`/by_id/t3_${id}.json?raw_json=1`);
      return json ? (parseListing(json).posts[0] ?? null) : null;
    },
  };
}
