import { createHash } from "node:crypto";
import type { AtpAgent, AtpSessionData, AtpSessionEvent } from "@atproto/api";
import { retryAtFromHeaders, SocialError, type CredentialUpdate, type OutgoingPost, type SocialAccountRef, type SocialProvider } from "./types";

// Bluesky through @atproto/api (XRPC). Connect with the handle and an app password: the first call
// creates a session (createSession), later calls resume it from the stored JWTs; refreshSession runs
// before the access JWT expires, and the SDK refreshes by itself on an ExpiredToken answer — both report
// the new JWTs through onCredentials. Idempotency: each post's record key is derived from its
// idempotency key, so a retry finds the record an earlier attempt wrote (getRecord) instead of posting twice.

const POST = "app.bsky.feed.post";
const B32 = "234567abcdefghijklmnopqrstuvwxyz";

/** A valid TID record key derived from a string: the same key always names the same record. */
export function recordKeyFor(key: string): string {
  let n = createHash("sha256").update(key).digest().readBigUInt64BE(0) & 0x7fffffffffffffffn;
  let out = "";
  for (let i = 0; i < 13; i++) {
    out = B32[Number(n & 31n)] + out;
    n >>= 5n;
  }
  return out;
}

function jwtClaims(jwt: string | undefined): { sub?: string; exp?: number } {
  try {
    return JSON.parse(Buffer.from((jwt ?? "").split(".")[1] ?? "", "base64url").toString("utf8"));
  } catch {
    return {};
  }
}

const expiresOf = (accessJwt: string) => {
  const exp = jwtClaims(accessJwt).exp;
  return exp ? new Date(exp * 1000) : null;
};

const toUpdate = (s: AtpSessionData): CredentialUpdate => ({ secrets: { access_jwt: s.accessJwt, refresh_jwt: s.refreshJwt }, expiresAt: expiresOf(s.accessJwt) });

function classify(e: unknown, what: string): SocialError {
  if (e instanceof SocialError) return e;
  const x = e as { status?: number; error?: string; message?: string; headers?: Record<string, string> };
  const msg = `${x.error ?? ""} ${x.message ?? String(e)}`.trim();
  if (x.status === 429 || x.error === "RateLimitExceeded") {
    return new SocialError("rate_limited", `Bluesky rate limit on ${what}`, retryAtFromHeaders((h) => x.headers?.[h]) ?? new Date(Date.now() + 5 * 60_000));
  }
  if (x.status === 401 || ["ExpiredToken", "InvalidToken", "AuthRequired", "AuthenticationRequired", "AccountTakedown"].includes(x.error ?? "")) {
    return new SocialError("auth", `Bluesky refused the session on ${what} (${x.error ?? x.status})`);
  }
  if (x.status === 400 || x.status === 413) return new SocialError("rejected", `Bluesky refused ${what}: ${msg.slice(0, 300)}`);
  return new SocialError("transient", `Bluesky failed on ${what}: ${msg.slice(0, 300)}`);
}

async function call<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw classify(e, what);
  }
}

/** An agent carrying the stored session (no network), or a new session from the app password. */
async function agentFor(acc: SocialAccountRef): Promise<AtpAgent> {
  const persist = (evt: AtpSessionEvent, s?: AtpSessionData) => {
    if (evt === "update" && s && acc.onCredentials) void acc.onCredentials(toUpdate(s));
  };
  // Loaded lazily: @atproto/api's CommonJS build requires ESM-only multiformats, which fails when a
  // CommonJS entry (the tsx worker) imports it statically; a dynamic import resolves its ESM side.
  const { AtpAgent } = await import("@atproto/api");
  const agent = new AtpAgent({ service: acc.serviceUrl ?? "https://bsky.social", persistSession: persist });
  const { access_jwt: accessJwt, refresh_jwt: refreshJwt, app_password: password } = acc.credentials;
  if (accessJwt && refreshJwt) {
    const did = jwtClaims(accessJwt).sub ?? jwtClaims(refreshJwt).sub;
    if (!did) throw new SocialError("auth", "The stored Bluesky session has no DID: reconnect the account");
    agent.sessionManager.session = { did, handle: acc.handle, accessJwt, refreshJwt, active: true };
    return agent;
  }
  if (!password) throw new SocialError("auth", "No Bluesky app password or session stored: reconnect the account");
  const res = await call("createSession", () => agent.login({ identifier: acc.handle, password }));
  await acc.onCredentials?.({ secrets: { access_jwt: res.data.accessJwt, refresh_jwt: res.data.refreshJwt }, expiresAt: expiresOf(res.data.accessJwt) });
  return agent;
}

const postUrl = (handle: string, uri: string) => `https://bsky.app/profile/${handle}/post/${uri.split("/").pop()}`;

function linkFacet(text: string, link: string | null | undefined) {
  if (!link) return undefined;
  const at = text.indexOf(link);
  if (at < 0) return undefined;
  const byteStart = Buffer.byteLength(text.slice(0, at), "utf8");
  return [{ index: { byteStart, byteEnd: byteStart + Buffer.byteLength(link, "utf8") }, features: [{ $type: "app.bsky.richtext.facet#link", uri: link }] }];
}

export const blueskyProvider: SocialProvider = {
  platform: "BLUESKY",

  async post(acc, post: OutgoingPost) {
    const agent = await agentFor(acc);
    const did = agent.session!.did;
    const rkey = recordKeyFor(post.idempotencyKey);
    if (post.mayExist) {
      const existing = await agent.com.atproto.repo.getRecord({ repo: did, collection: POST, rkey }).catch(() => null);
      if (existing?.data.uri) return { externalId: existing.data.uri, url: postUrl(acc.handle, existing.data.uri) };
    }
    const record: Record<string, unknown> = { $type: POST, text: post.text, createdAt: new Date().toISOString(), langs: ["en"] };
    const facets = linkFacet(post.text, post.link);
    if (facets) record.facets = facets;
    if (post.replyToId) {
      const parent = (await call("reading the comment", () => agent.app.bsky.feed.getPosts({ uris: [post.replyToId!] }))).data.posts[0];
      if (!parent) throw new SocialError("rejected", "The comment to reply to no longer exists");
      const parentRef = { uri: parent.uri, cid: parent.cid };
      const root = (parent.record as { reply?: { root?: { uri: string; cid: string } } }).reply?.root ?? parentRef;
      record.reply = { root, parent: parentRef };
    } else if (post.link) {
      const external: Record<string, unknown> = { uri: post.link, title: post.title ?? "", description: "" };
      if (post.image) {
        const blob = await call("uploading the image", () => agent.uploadBlob(new Uint8Array(post.image!.bytes), { encoding: post.image!.mimeType }));
        external.thumb = blob.data.blob;
      }
      record.embed = { $type: "app.bsky.embed.external", external };
    }
    const res = await call("createRecord", () => agent.com.atproto.repo.createRecord({ repo: did, collection: POST, rkey, record }));
    return { externalId: res.data.uri, url: postUrl(acc.handle, res.data.uri) };
  },

  async refresh(acc) {
    if (!acc.credentials.refresh_jwt) {
      const agent = await agentFor(acc); // createSession from the app password
      return toUpdate(agent.session!);
    }
    const agent = await agentFor({ ...acc, onCredentials: undefined });
    await call("refreshSession", () => agent.sessionManager.refreshSession());
    return toUpdate(agent.session!);
  },

  async metrics(acc, externalId) {
    const agent = await agentFor(acc);
    const p = (await call("getPosts", () => agent.app.bsky.feed.getPosts({ uris: [externalId] }))).data.posts[0];
    return { likes: p?.likeCount ?? 0, replies: p?.replyCount ?? 0, reposts: p?.repostCount ?? 0 };
  },

  async comments(acc, externalId) {
    const agent = await agentFor(acc);
    const thread = (await call("getPostThread", () => agent.app.bsky.feed.getPostThread({ uri: externalId, depth: 1 }))).data.thread as {
      replies?: Array<{ post?: { uri: string; author: { handle: string }; record: { text?: string } } }>;
    };
    return (thread.replies ?? [])
      .flatMap((r) => (r.post ? [{ id: r.post.uri, author: r.post.author.handle, text: r.post.record.text ?? "" }] : []))
      .filter((c) => c.author !== acc.handle && c.text);
  },
};
