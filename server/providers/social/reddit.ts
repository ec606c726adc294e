import type SnoowrapType from "snoowrap";
import { snoowrapClient } from "../reddit/snoowrap-client";
import { retryAtFromHeaders, retryAtFromText, SocialError, type CredentialUpdate, type OutgoingPost, type SocialAccountRef, type SocialProvider } from "./types";

// Reddit through snoowrap, as an installed-app/web-app user (OAuth refresh token). snoowrap gets only
// the current access token, so a 401 comes back to us: the service refreshes (through snoowrap's own
// credentialed request to /api/v1/access_token) and stores the tokens, keeping the old refresh token
// unless Reddit returns a new one. Link posts to allowed subreddits and replies to comments.
// Reddit has no idempotency key, so a retry first looks through the account's own submissions.

type TokenInfo = { access_token?: string; refresh_token?: string; expires_in?: number; error?: string };
type Thing = { name: string; id: string; permalink?: string; url?: string; parent_id?: string; score?: number; ups?: number; num_comments?: number; num_crossposts?: number; author?: { name: string } | string; body?: string };

const REDDIT = "https://www.reddit.com";
const userName = (handle: string) => handle.replace(/^\/?u\//i, "");

async function client(acc: SocialAccountRef): Promise<SnoowrapType> {
  const r = await snoowrapClient(
    {
      userAgent: String(acc.config.userAgent ?? "merchloop-promoter/0.1"),
      clientId: String(acc.config.clientId ?? ""),
      clientSecret: acc.credentials.client_secret ?? "",
      // With no access token yet, a placeholder makes the first call answer 401 and the service refresh.
      accessToken: acc.credentials.access_token || "none",
    },
    acc.serviceUrl,
  );
  // The service refreshes; snoowrap must not try on its own (it would drop a rotated refresh token).
  (r as unknown as { tokenExpiration: number }).tokenExpiration = Infinity;
  r.config({ requestDelay: 0, continueAfterRatelimitError: false, retryErrorCodes: [502, 503, 504], maxRetryAttempts: 1, warnings: false });
  return r;
}

/** snoowrap/request errors → SocialError. */
function classify(e: unknown, what: string): SocialError {
  if (e instanceof SocialError) return e;
  const err = e as { statusCode?: number; message?: string; response?: { headers?: Record<string, string> } };
  const msg = String(err.message ?? e);
  const status = err.statusCode;
  const headers = err.response?.headers ?? {};
  if (status === 429 || /RATELIMIT/.test(msg)) {
    return new SocialError("rate_limited", `Reddit rate limit on ${what}`, retryAtFromHeaders((h) => headers[h]) ?? retryAtFromText(msg) ?? new Date(Date.now() + 10 * 60_000));
  }
  if (status === 401) return new SocialError("auth", `Reddit refused the access token on ${what} (401)`);
  if (/SUBREDDIT_NOTALLOWED|SUBREDDIT_NOEXIST|NO_LINKS|BANNED|DOMAIN_BANNED|NO_SELFS|INVALID_OPTION|TOO_LONG|ALREADY_SUB/.test(msg) || status === 403 || status === 400) {
    return new SocialError("rejected", `Reddit refused ${what}: ${msg.replace(/,/g, " — ").slice(0, 300)}`);
  }
  return new SocialError("transient", `Reddit failed on ${what}: ${msg.slice(0, 300)}`);
}

async function call<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw classify(e, what);
  }
}

const fullUrl = (permalink: string | undefined, origin = REDDIT) => (permalink ? `${origin}${permalink}` : origin);

/** The account's own recent things, to find a post an earlier attempt already made. */
async function findExisting(r: SnoowrapType, acc: SocialAccountRef, post: OutgoingPost): Promise<Thing | undefined> {
  const user = r.getUser(userName(acc.handle));
  if (post.replyToId) {
    const mine = (await call("reading our comments", () => user.getComments({ limit: 50 }) as unknown as Promise<Thing[]>)) as Thing[];
    return [...mine].find((c) => c.parent_id?.endsWith(post.replyToId!.replace(/^t[13]_/, "")) && (c.body ?? "").trim() === post.text.trim());
  }
  const mine = (await call("reading our submissions", () => user.getSubmissions({ limit: 50 }) as unknown as Promise<Thing[]>)) as Thing[];
  return [...mine].find((s) => s.url === post.link);
}

export const redditProvider: SocialProvider = {
  platform: "REDDIT",

  async post(acc, post) {
    const r = await client(acc);
    if (post.mayExist) {
      const found = await findExisting(r, acc, post);
      if (found) return { externalId: found.name, url: fullUrl(found.permalink) };
    }
    if (post.replyToId) {
      const id = post.replyToId.replace(/^t1_/, "");
      const reply = (await call("reply", () => r.getComment(id).reply(post.text) as unknown as Promise<Thing>)) as Thing;
      const name = reply.name ?? `t1_${reply.id}`;
      return { externalId: name, url: fullUrl(reply.permalink) };
    }
    if (!post.community) throw new SocialError("rejected", "Reddit needs a subreddit, and this account has none allowed");
    if (!post.link) throw new SocialError("rejected", "Reddit link posts need a link");
    const submitted = await call(`posting to r/${post.community}`, async () => {
      const s = r.submitLink({ subredditName: post.community!, title: (post.title ?? post.text).slice(0, 300), url: post.link!, resubmit: false, sendReplies: true });
      return (await (s as unknown as Promise<{ name: string }>)) as { name: string };
    });
    const id = submitted.name.replace(/^t3_/, "");
    return { externalId: `t3_${id}`, url: `${REDDIT}/r/${post.community}/comments/${id}/` };
  },

  async refresh(acc) {
    const refreshToken = acc.credentials.refresh_token;
    if (!refreshToken) throw new SocialError("auth", "No Reddit refresh token stored: reconnect the account");
    const r = await client(acc);
    let info: TokenInfo;
    try {
      info = (await r.credentialedClientRequest({ method: "post", uri: "api/v1/access_token", baseUrl: REDDIT, form: { grant_type: "refresh_token", refresh_token: refreshToken } } as never)) as TokenInfo;
    } catch (e) {
      const c = classify(e, "token refresh");
      throw c.kind === "transient" || c.kind === "rate_limited" ? c : new SocialError("auth", `Reddit refused the refresh token: ${c.message}`);
    }
    if (!info?.access_token) throw new SocialError("auth", `Reddit refused the refresh token${info?.error ? ` (${info.error})` : ""}`);
    const update: CredentialUpdate = { secrets: { access_token: info.access_token }, expiresAt: new Date(Date.now() + (info.expires_in ?? 3600) * 1000) };
    if (info.refresh_token) update.secrets.refresh_token = info.refresh_token;
    return update;
  },

  async metrics(acc, externalId) {
    const r = await client(acc);
    const s = (await call("reading a post", () => r.getSubmission(externalId.replace(/^t3_/, "")).fetch() as unknown as Promise<{ toJSON(): Thing }>)).toJSON();
    return { likes: s.ups ?? s.score ?? 0, replies: s.num_comments ?? 0, reposts: s.num_crossposts ?? 0 };
  },

  async comments(acc, externalId) {
    const r = await client(acc);
    const s = await call("reading comments", () => r.getSubmission(externalId.replace(/^t3_/, "")).expandReplies({ limit: 1, depth: 1 }) as unknown as Promise<{ comments: Thing[] }>);
    const me = userName(acc.handle).toLowerCase();
    return [...s.comments]
      .map((c) => ({ id: c.name ?? `t1_${c.id}`, author: typeof c.author === "string" ? c.author : (c.author?.name ?? ""), text: c.body ?? "" }))
      .filter((c) => c.author.toLowerCase() !== me && c.text);
  },
};
