import { join, isAbsolute } from "node:path";
import { env } from "../../env";
import { selectProvider } from "../select";
import { localReddit } from "./local";
import { publicReddit } from "./public";
import { oauthReddit } from "./oauth";
import type { RedditClient } from "./types";

export type { RedditClient, RedditPost, ListingSortName } from "./types";

const DEFAULT_BASE = "https://www.reddit.com";
/** The Reddit client picked by env: local files (default), public listing JSON, or OAuth (snoowrap). */
export const reddit = selectProvider(
  (e) => [e.providers.reddit, e.REDDIT_CLIENT_ID, e.REDDIT_CLIENT_SECRET, e.REDDIT_USERNAME, e.REDDIT_PASSWORD, e.REDDIT_USER_AGENT, e.REDDIT_BASE_URL, e.REDDIT_LOCAL_DIR].join("|"),
  (e): RedditClient => {
    if (e.providers.reddit === "oauth") {
      return oauthReddit({
        clientId: e.REDDIT_CLIENT_ID ?? "",
        clientSecret: e.REDDIT_CLIENT_SECRET ?? "",
        username: e.REDDIT_USERNAME,
        password: e.REDDIT_PASSWORD,
        userAgent: e.REDDIT_USER_AGENT,
        baseUrl: e.REDDIT_BASE_URL.replace(/\/$/, "") === DEFAULT_BASE ? undefined : e.REDDIT_BASE_URL,
      });
    }
    if (e.providers.reddit === "public") return publicReddit({ baseUrl: e.REDDIT_BASE_URL, userAgent: e.REDDIT_USER_AGENT });
    return localReddit(localRedditDir());
  },
);

/** REDDIT_LOCAL_DIR resolved against the working directory. */
export function localRedditDir() {
  const dir = env().REDDIT_LOCAL_DIR;
  return isAbsolute(dir) ? dir : join(/*turbopackIgnore: true*/ process.cwd(), dir);
}

/** Tests switch providers through env; this forgets the chosen client. */
export const resetReddit = reddit.reset;
