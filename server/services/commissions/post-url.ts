import { redditPostUrl } from "./trending";

// A commissioned post is named by a Reddit link, and only by one: reddit.com (any of its subdomains:
// www, old, new, np, m) or redd.it short links. Stored canonical, with no query, fragment, port or
// credentials, so the same post always has the same URL.

const REDDIT_HOST = /^([a-z0-9-]+\.)?reddit\.com$/i;
const SHORT_HOST = /^(www\.)?redd\.it$/i;
const ID = /^[a-z0-9]{3,12}$/i;
const SUB = /^[a-z0-9_]{2,21}$/i;

export type PostRef = { id: string; subreddit: string | null; url: string };

/**
 * "https://old.reddit.com/r/Cats/comments/Abc123/title/?utm=x" → { id: "abc123", subreddit: "cats",
 * url: "https://www.reddit.com/r/cats/comments/abc123/" }. A redd.it link carries no subreddit and
 * is resolved without network to "https://www.reddit.com/comments/<id>/" (createCommission then
 * stores the subreddit-qualified form from the post it looks up anyway). Anything else → null.
 */
export function parsePostUrl(raw: string): PostRef | null {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return null;
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") return null;
  if (u.username || u.password || u.port) return null;
  const parts = u.pathname.split("/").filter(Boolean);
  if (SHORT_HOST.test(u.hostname)) {
    if (parts.length !== 1 || !ID.test(parts[0])) return null;
    const id = parts[0].toLowerCase();
    return { id, subreddit: null, url: redditPostUrl(null, id) };
  }
  if (!REDDIT_HOST.test(u.hostname)) return null;
  let sub: string | null = null;
  if (parts[0]?.toLowerCase() === "r") {
    if (!parts[1] || !SUB.test(parts[1])) return null;
    sub = parts[1].toLowerCase();
    parts.splice(0, 2);
  }
  if (parts[0]?.toLowerCase() !== "comments" || !parts[1] || !ID.test(parts[1])) return null;
  const id = parts[1].toLowerCase();
  return { id, subreddit: sub, url: redditPostUrl(sub, id) };
}

export const POST_URL_HINT = "Paste a link to a Reddit post: https://www.reddit.com/r/<subreddit>/comments/<id>/… or https://redd.it/<id>";
