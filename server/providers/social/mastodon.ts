import { createOAuthAPIClient, createRestAPIClient, type mastodon } from "masto";
import { retryAtFromHeaders, SocialError, type OutgoingPost, type SocialAccountRef, type SocialProvider } from "./types";

// Mastodon through masto (REST). Statuses carry the post's Idempotency-Key header, which Mastodon
// honours, so a retry never makes a second status. Media goes up first (v2/media). Access tokens
// refresh through /oauth/token (grant_type=refresh_token) when the instance issued a refresh token.
// masto's MastoHttpError keeps the raw Response as `cause`, which is where X-RateLimit-Reset is read.

const rest = (acc: SocialAccountRef) => {
  if (!acc.serviceUrl) throw new SocialError("rejected", "This Mastodon account has no instance URL");
  return createRestAPIClient({ url: acc.serviceUrl, accessToken: acc.credentials.access_token, timeout: 30_000, log: "error" });
};

function classify(e: unknown, what: string): SocialError {
  if (e instanceof SocialError) return e;
  const x = e as { statusCode?: number; message?: string; description?: string; cause?: unknown };
  const headers = x.cause instanceof Response ? x.cause.headers : undefined;
  const msg = [x.message, x.description].filter(Boolean).join(": ") || String(e);
  if (x.statusCode === 429) {
    return new SocialError("rate_limited", `Mastodon rate limit on ${what}`, retryAtFromHeaders((h) => headers?.get(h)) ?? new Date(Date.now() + 5 * 60_000));
  }
  if (x.statusCode === 401) return new SocialError("auth", `Mastodon refused the access token on ${what}: ${msg.slice(0, 200)}`);
  if (x.statusCode === 422 || x.statusCode === 403 || x.statusCode === 404 || x.statusCode === 400) {
    return new SocialError("rejected", `Mastodon refused ${what}: ${msg.slice(0, 300)}`);
  }
  return new SocialError("transient", `Mastodon failed on ${what}: ${msg.slice(0, 300)}`);
}

async function call<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw classify(e, what);
  }
}

export const mastodonProvider: SocialProvider = {
  platform: "MASTODON",

  async post(acc, post: OutgoingPost) {
    const m = rest(acc);
    const mediaIds: string[] = [];
    if (post.image && !post.replyToId) {
      const file = new Blob([new Uint8Array(post.image.bytes)], { type: post.image.mimeType });
      const media = await call("uploading the image", () => m.v2.media.create({ file, description: post.image!.alt, skipPolling: true }));
      mediaIds.push(media.id);
    }
    const status = (await call("posting a status", () =>
      m.v1.statuses.create(
        { status: post.text, visibility: "public", ...(mediaIds.length ? { mediaIds } : {}), ...(post.replyToId ? { inReplyToId: post.replyToId } : {}) },
        { requestInit: { headers: { "Idempotency-Key": post.idempotencyKey } } },
      ),
    )) as mastodon.v1.Status;
    return { externalId: status.id, url: status.url ?? status.uri };
  },

  async refresh(acc) {
    const refreshToken = acc.credentials.refresh_token;
    const clientId = String(acc.config.clientId ?? "");
    if (!refreshToken || !clientId) throw new SocialError("auth", "No Mastodon refresh token stored: reconnect the account");
    const oauth = createOAuthAPIClient({ url: acc.serviceUrl!, log: "error" });
    const token = (await call("token refresh", () =>
      oauth.token.create({ grantType: "refresh_token", clientId, clientSecret: acc.credentials.client_secret ?? "", refreshToken, redirectUri: "urn:ietf:wg:oauth:2.0:oob" } as never),
    ).catch((e: SocialError) => {
      throw e.kind === "transient" || e.kind === "rate_limited" ? e : new SocialError("auth", `Mastodon refused the refresh token: ${e.message}`);
    })) as mastodon.v1.Token & { refreshToken?: string; expiresIn?: number };
    const secrets: Record<string, string> = { access_token: token.accessToken };
    if (token.refreshToken) secrets.refresh_token = token.refreshToken;
    return { secrets, expiresAt: token.expiresIn ? new Date(Date.now() + token.expiresIn * 1000) : null };
  },

  async metrics(acc, externalId) {
    const s = await call("reading a status", () => rest(acc).v1.statuses.$select(externalId).fetch());
    return { likes: s.favouritesCount, replies: s.repliesCount, reposts: s.reblogsCount };
  },

  async comments(acc, externalId) {
    const ctx = await call("reading replies", () => rest(acc).v1.statuses.$select(externalId).context.fetch());
    const me = acc.handle.replace(/^@/, "").split("@")[0].toLowerCase();
    return ctx.descendants
      .filter((s) => s.inReplyToId === externalId && s.account.username.toLowerCase() !== me)
      .map((s) => ({ id: s.id, author: s.account.acct, text: s.content.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim() }));
  },
};
