import type SnoowrapType from "snoowrap";
import { AppError } from "../../errors";
import { postFromT3, redditPostId } from "./listing";
import { snoowrapClient } from "./snoowrap-client";
import type { ListingSortName, RedditClient, RedditPost } from "./types";

// Reddit through snoowrap with a "script" app (password grant). snoowrap is imported lazily and only
// here. Submissions come back as snoowrap objects; `toJSON()` turns them back into Reddit's raw t3
// `data` shape, which goes through the same parser as the listing files and the public JSON.

export type OAuthConfig = {
  clientId: string;
  clientSecret: string;
  username?: string;
  password?: string;
  userAgent: string;
  /**
   * When set (REDDIT_BASE_URL other than https://www.reddit.com), every request — the token exchange
   * and the oauth.reddit.com API calls — goes to this origin instead, e.g. a caching proxy.
   */
  baseUrl?: string;
};

type Jsonable = { toJSON(): unknown };

/** A snoowrap Submission (or anything with Reddit's t3 fields) → RedditPost. */
export function postFromSubmission(submission: Jsonable | Record<string, unknown>): RedditPost {
  const data = typeof (submission as Jsonable).toJSON === "function" ? (submission as Jsonable).toJSON() : submission;
  return postFromT3(data);
}

async function makeClient(cfg: OAuthConfig): Promise<SnoowrapType> {
  const r = await snoowrapClient(
    { userAgent: cfg.userAgent, clientId: cfg.clientId, clientSecret: cfg.clientSecret, username: cfg.username, password: cfg.password },
    cfg.baseUrl,
  );
  r.config({ requestDelay: 0, continueAfterRatelimitError: false, retryErrorCodes: [502, 503, 504, 522], maxRetryAttempts: 2, warnings: false });
  return r;
}

export function oauthReddit(cfg: OAuthConfig): RedditClient {
  let client: Promise<SnoowrapType> | undefined;
  const r = () => (client ??= makeClient(cfg));
  const wrap = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      const status = (e as { statusCode?: number }).statusCode;
      if (status === 404 || status === 403) throw Object.assign(new AppError("NOT_FOUND", `${what}: not found or private`), { status });
      throw new AppError("UPSTREAM", `Reddit (oauth) failed on ${what}: ${(e as Error).message}`);
    }
  };
  return {
    async listing(sub: string, sort: ListingSortName, limit: number) {
      const name = sub.replace(/^r\//i, "");
      const s = (await r()).getSubreddit(name);
      const opts = { limit: Math.min(100, Math.max(1, limit)) };
      const list = await wrap(`r/${name}/${sort}`, () => {
        if (sort === "new") return s.getNew(opts);
        if (sort === "top") return s.getTop({ ...opts, time: "day" });
        if (sort === "rising") return s.getRising(opts);
        return s.getHot(opts);
      }).catch((e: AppError) => {
        if (e.code === "NOT_FOUND") return [];
        throw e;
      });
      return [...list].map((x) => postFromSubmission(x as unknown as Jsonable));
    },
    async post(idOrUrl: string) {
      const id = redditPostId(idOrUrl);
      if (!id) return null;
      const client = await r();
      try {
        // snoowrap's lazy objects are thenable chains; fetch() resolves to the populated Submission.
        const sub = (await wrap(`post ${id}`, () => client.getSubmission(id).fetch() as unknown as Promise<Jsonable>)) as Jsonable;
        return postFromSubmission(sub);
      } catch (e) {
        if (e instanceof AppError && e.code === "NOT_FOUND") return null;
        throw e;
      }
    },
  };
}
