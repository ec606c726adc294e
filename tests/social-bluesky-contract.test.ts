import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { blueskyProvider, recordKeyFor } from "../server/providers/social/bluesky";
import type { CredentialUpdate, SocialAccountRef, SocialError } from "../server/providers/social/types";
import { fakeJwt, json, startServer } from "./contract/social-servers";

// Bluesky's XRPC as @atproto/api speaks it: createSession, refreshSession (bearer refresh JWT),
// getSession, uploadBlob, createRecord / getRecord, getPosts; errors as {error, message} with the
// rate-limit headers a PDS sends.

const DID = "did:plc:testpromo0000000000000a";
const CID = "bafyreibm6jg3ux5qumhcn2b3flc3tyu6dmlb4xa7u5bf44yegnrjhc4yeq";
const BLOB = "bafkreibm6jg3ux5qumhcn2b3flc3tyu6dmlb4xa7u5bf44yegnrjhc4yeq";
const exp = () => Math.floor(Date.now() / 1000) + 7200;
const access = (n: string) => fakeJwt({ sub: DID, scope: "com.atproto.access", exp: exp(), jti: n });
const refresh = (n: string) => fakeJwt({ sub: DID, scope: "com.atproto.refresh", exp: exp() + 86400, jti: n });

const state = { records: new Map<string, Record<string, unknown>>(), validAccess: new Set<string>(), validRefresh: new Set<string>(), rateLimited: false, n: 0 };
let srv: Awaited<ReturnType<typeof startServer>>;

const issue = () => {
  const a = access(`a${++state.n}`);
  const r = refresh(`r${state.n}`);
  state.validAccess.add(a);
  state.validRefresh.add(r);
  return { did: DID, handle: "shop.test", accessJwt: a, refreshJwt: r, active: true };
};

beforeAll(async () => {
  await import("@atproto/api"); // the provider loads the SDK lazily; load it here, outside the test timeouts
  srv = await startServer((req, res, body, url) => {
    const nsid = url.pathname.replace(/^\/xrpc\//, "");
    const bearer = (req.headers.authorization ?? "").replace(/^Bearer /, "");
    if (nsid === "com.atproto.server.createSession") {
      const { identifier, password } = JSON.parse(body.toString());
      if (identifier === "shop.test" && password === "app-pass-1234") return json(res, 200, issue());
      return json(res, 401, { error: "AuthenticationRequired", message: "Invalid identifier or password" });
    }
    if (nsid === "com.atproto.server.refreshSession") {
      if (!state.validRefresh.delete(bearer)) return json(res, 400, { error: "ExpiredToken", message: "Token has been revoked" });
      return json(res, 200, issue());
    }
    if (nsid === "com.atproto.server.getSession") return json(res, 200, { did: DID, handle: "shop.test", emailConfirmed: true, active: true });
    if (!state.validAccess.has(bearer)) return json(res, 400, { error: "ExpiredToken", message: "Token has expired" });
    if (state.rateLimited) return json(res, 429, { error: "RateLimitExceeded", message: "Rate Limit Exceeded" }, { "ratelimit-limit": "5000", "ratelimit-remaining": "0", "ratelimit-reset": String(Math.floor(Date.now() / 1000) + 300) });
    if (nsid === "com.atproto.repo.uploadBlob") {
      if (body.length > 1000) return json(res, 400, { error: "BlobTooLarge", message: "This file is too large. It is 1.2 KB but the maximum size is 1 KB" });
      return json(res, 200, { blob: { $type: "blob", ref: { $link: BLOB }, mimeType: req.headers["content-type"], size: body.length } });
    }
    if (nsid === "com.atproto.repo.createRecord") {
      const input = JSON.parse(body.toString());
      const uri = `at://${DID}/${input.collection}/${input.rkey}`;
      if (state.records.has(uri)) return json(res, 400, { error: "InvalidRequest", message: "Record already exists" });
      state.records.set(uri, input.record);
      return json(res, 200, { uri, cid: CID, validationStatus: "valid" });
    }
    if (nsid === "com.atproto.repo.getRecord") {
      const uri = `at://${url.searchParams.get("repo")}/${url.searchParams.get("collection")}/${url.searchParams.get("rkey")}`;
      const value = state.records.get(uri);
      return value ? json(res, 200, { uri, cid: CID, value }) : json(res, 400, { error: "RecordNotFound", message: "Could not locate record" });
    }
    if (nsid === "app.bsky.feed.getPosts") {
      const uris = url.searchParams.getAll("uris");
      return json(res, 200, {
        posts: uris.filter((u) => state.records.has(u)).map((u) => ({ uri: u, cid: CID, author: { did: DID, handle: "shop.test" }, record: state.records.get(u), likeCount: 7, replyCount: 2, repostCount: 3, indexedAt: new Date().toISOString() })),
      });
    }
    json(res, 400, { error: "MethodNotImplemented", message: nsid });
  });
}, 60_000);
afterAll(() => srv.close());
beforeEach(() => {
  state.rateLimited = false;
});

function account(credentials: Record<string, string>) {
  const updates: CredentialUpdate[] = [];
  const ref: SocialAccountRef = { handle: "shop.test", serviceUrl: srv.base, config: {}, credentials, onCredentials: async (u) => void updates.push(u) };
  return { ref, updates };
}

const LINK = "https://shop.test/products/loaf-tee?tc=bsky1";
const post = (key: string, over: Record<string, unknown> = {}) => ({ idempotencyKey: key, mayExist: false, title: "Loaf tee", text: `New loaf tee!\n\n${LINK}`, link: LINK, ...over });

describe("Bluesky provider (@atproto/api) against XRPC", () => {
  it("logs in with the app password (createSession), uploads the image and posts under the key-derived record key", async () => {
    const { ref, updates } = account({ app_password: "app-pass-1234" });
    const r = await blueskyProvider.post(ref, post("promo-1", { image: { bytes: Buffer.from("png-bytes"), mimeType: "image/png", alt: "Loaf tee" } }));
    expect(r.externalId).toBe(`at://${DID}/app.bsky.feed.post/${recordKeyFor("promo-1")}`);
    expect(r.url).toBe(`https://bsky.app/profile/shop.test/post/${recordKeyFor("promo-1")}`);
    expect(updates[0].secrets.access_jwt).toBeTruthy();
    expect(updates[0].expiresAt!.getTime()).toBeGreaterThan(Date.now());
    const rec = [...state.records.values()].at(-1) as { text: string; facets: Array<{ index: { byteStart: number; byteEnd: number } }>; embed: { external: { uri: string; thumb: unknown } } };
    expect(rec.embed.external.uri).toBe(LINK);
    expect(rec.embed.external.thumb).toBeTruthy();
    const { byteStart, byteEnd } = rec.facets[0].index;
    expect(Buffer.from(rec.text).subarray(byteStart, byteEnd).toString()).toBe(LINK);
  });

  it("a retry after a possible success finds the record (getRecord) and does not post twice", async () => {
    const s = issue();
    const { ref } = account({ access_jwt: s.accessJwt, refresh_jwt: s.refreshJwt });
    const creates = () => srv.seen.filter((x) => x.path.includes("createRecord")).length;
    const before = creates();
    const r = await blueskyProvider.post(ref, post("promo-1", { mayExist: true }));
    expect(creates()).toBe(before);
    expect(r.externalId).toContain(recordKeyFor("promo-1"));
  });

  it("an ExpiredToken answer is refreshed by the SDK (refreshSession) and the new JWTs are reported", async () => {
    const s = issue();
    state.validAccess.delete(s.accessJwt); // the access JWT expired
    const { ref, updates } = account({ access_jwt: s.accessJwt, refresh_jwt: s.refreshJwt });
    const r = await blueskyProvider.post(ref, post("promo-2"));
    expect(r.externalId).toContain(recordKeyFor("promo-2"));
    await new Promise((res) => setTimeout(res, 0));
    expect(updates).toHaveLength(1);
    expect(updates[0].secrets.refresh_jwt).not.toBe(s.refreshJwt);
    expect(srv.seen.some((x) => x.path.includes("refreshSession") && x.auth === `Bearer ${s.refreshJwt}`)).toBe(true);
  });

  it("refresh() rotates both JWTs; a revoked refresh JWT is an auth error", async () => {
    const s = issue();
    const { ref } = account({ access_jwt: s.accessJwt, refresh_jwt: s.refreshJwt });
    const u = await blueskyProvider.refresh(ref);
    expect(u.secrets.access_jwt).not.toBe(s.accessJwt);
    expect(u.secrets.refresh_jwt).not.toBe(s.refreshJwt);
    const again = (await blueskyProvider.refresh(ref).catch((e) => e)) as SocialError; // s.refreshJwt was spent
    expect(again.kind).toBe("auth");
  });

  it("an expired session whose refresh fails surfaces as an auth error", async () => {
    const { ref } = account({ access_jwt: access("dead"), refresh_jwt: refresh("dead") });
    const e = (await blueskyProvider.post(ref, post("promo-3")).catch((x) => x)) as SocialError;
    expect(e.kind).toBe("auth");
  });

  it("a 429 gives the wait from ratelimit-reset", async () => {
    const s = issue();
    state.rateLimited = true;
    const e = (await blueskyProvider.post(account({ access_jwt: s.accessJwt, refresh_jwt: s.refreshJwt }).ref, post("promo-4")).catch((x) => x)) as SocialError;
    expect(e.kind).toBe("rate_limited");
    const wait = e.retryAt!.getTime() - Date.now();
    expect(wait).toBeGreaterThan(290_000);
    expect(wait).toBeLessThanOrEqual(300_000);
  });

  it("an image the PDS refuses is a clear rejection", async () => {
    const s = issue();
    const e = (await blueskyProvider.post(account({ access_jwt: s.accessJwt, refresh_jwt: s.refreshJwt }).ref, post("promo-5", { image: { bytes: Buffer.alloc(5000), mimeType: "image/png", alt: "big" } })).catch((x) => x)) as SocialError;
    expect(e.kind).toBe("rejected");
    expect(e.message).toMatch(/BlobTooLarge/);
  });

  it("reads likes, replies and reposts", async () => {
    const s = issue();
    const uri = `at://${DID}/app.bsky.feed.post/${recordKeyFor("promo-1")}`;
    expect(await blueskyProvider.metrics(account({ access_jwt: s.accessJwt, refresh_jwt: s.refreshJwt }).ref, uri)).toEqual({ likes: 7, replies: 2, reposts: 3 });
  });
});
