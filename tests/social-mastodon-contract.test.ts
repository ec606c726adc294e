import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { mastodonProvider } from "../server/providers/social/mastodon";
import type { SocialAccountRef, SocialError } from "../server/providers/social/types";
import { json, startServer } from "./contract/social-servers";

// Mastodon's REST API as masto speaks it: POST /api/v2/media (multipart), POST /api/v1/statuses with
// an Idempotency-Key (the server answers the same status for the same key, as Mastodon does),
// POST /oauth/token (refresh_token grant), GET /api/v1/statuses/:id; 401 / 422 / 429 as Mastodon sends them.

const state = { statuses: new Map<string, Record<string, unknown>>(), byKey: new Map<string, string>(), tokens: new Set(["tok-good"]), rateLimited: false };
let srv: Awaited<ReturnType<typeof startServer>>;
const resetAt = () => new Date(Date.now() + 180_000).toISOString();

beforeAll(async () => {
  srv = await startServer(async (req, res, body, url) => {
    const form = async () => {
      const r = new Request("http://x", { method: "POST", headers: { "content-type": String(req.headers["content-type"]) }, body: new Uint8Array(body) });
      return String(req.headers["content-type"]).includes("json") ? JSON.parse(body.toString()) : Object.fromEntries(await r.formData());
    };
    if (req.method === "POST" && url.pathname === "/oauth/token") {
      const f = await form();
      if (f.grant_type !== "refresh_token" || f.client_id !== "app-1" || f.client_secret !== "app-secret") return json(res, 401, { error: "invalid_client" });
      if (f.refresh_token === "rt-good") {
        state.tokens.add("tok-new");
        return json(res, 200, { access_token: "tok-new", token_type: "Bearer", scope: "read write", created_at: Math.floor(Date.now() / 1000), expires_in: 7200, refresh_token: "rt-next" });
      }
      return json(res, 400, { error: "invalid_grant", error_description: "The provided authorization grant is invalid, expired, revoked" });
    }
    const token = (req.headers.authorization ?? "").replace(/^Bearer /, "");
    if (!state.tokens.has(token)) return json(res, 401, { error: "The access token expired" });
    if (state.rateLimited) return json(res, 429, { error: "Too many requests" }, { "x-ratelimit-limit": "300", "x-ratelimit-remaining": "0", "x-ratelimit-reset": resetAt() });
    if (req.method === "POST" && url.pathname === "/api/v2/media") {
      const f = await form();
      const file = f.file as File;
      if (file.type !== "image/png") return json(res, 422, { error: "Validation failed: File content type is invalid" });
      return json(res, 200, { id: "m1", type: "image", url: "https://files.test/m1.png", description: f.description ?? null });
    }
    if (req.method === "POST" && url.pathname === "/api/v1/statuses") {
      const key = String(req.headers["idempotency-key"] ?? "");
      if (key && state.byKey.has(key)) return json(res, 200, state.statuses.get(state.byKey.get(key)!));
      const f = await form();
      const id = String(100 + state.statuses.size);
      const s = { id, uri: `https://social.test/users/shop/statuses/${id}`, url: `https://social.test/@shop/${id}`, content: `<p>${f.status}</p>`, media_attachments: (f.media_ids ?? []).map((m: string) => ({ id: m })), in_reply_to_id: f.in_reply_to_id ?? null, favourites_count: 4, replies_count: 1, reblogs_count: 2, account: { id: "1", username: "shop", acct: "shop" } };
      state.statuses.set(id, s);
      if (key) state.byKey.set(key, id);
      return json(res, 200, s);
    }
    const m = /^\/api\/v1\/statuses\/(\d+)$/.exec(url.pathname);
    if (m && state.statuses.has(m[1])) return json(res, 200, state.statuses.get(m[1]));
    json(res, 404, { error: "Record not found" });
  });
});
afterAll(() => srv.close());
beforeEach(() => {
  state.rateLimited = false;
});

const account = (credentials: Record<string, string>): SocialAccountRef => ({ handle: "@shop@social.test", serviceUrl: srv.base, config: { clientId: "app-1" }, credentials: { client_secret: "app-secret", ...credentials } });
const post = (key: string, over: Record<string, unknown> = {}) => ({ idempotencyKey: key, mayExist: false, text: "New loaf tee https://shop.test/p?tc=m1", link: "https://shop.test/p?tc=m1", ...over });

describe("Mastodon provider (masto) against Mastodon's REST API", () => {
  it("uploads the image, posts the status with an Idempotency-Key and returns its id and URL", async () => {
    const r = await mastodonProvider.post(account({ access_token: "tok-good" }), post("promo-1", { image: { bytes: Buffer.from("png"), mimeType: "image/png", alt: "Loaf tee" } }));
    expect(r).toEqual({ externalId: "100", url: "https://social.test/@shop/100" });
    const call = srv.seen.find((s) => s.path === "/api/v1/statuses")!;
    expect(call.headers["idempotency-key"]).toBe("promo-1");
    expect(call.auth).toBe("Bearer tok-good");
    expect(JSON.parse(call.body)).toMatchObject({ status: expect.stringContaining("tc=m1"), visibility: "public", media_ids: ["m1"] });
  });

  it("the same idempotency key gives back the same status: a retry never posts twice", async () => {
    const r = await mastodonProvider.post(account({ access_token: "tok-good" }), post("promo-1", { mayExist: true }));
    expect(r.externalId).toBe("100");
    expect(state.statuses.size).toBe(1);
  });

  it("refreshes with the refresh token and returns the rotated one", async () => {
    const u = await mastodonProvider.refresh(account({ access_token: "tok-old", refresh_token: "rt-good" }));
    expect(u.secrets).toEqual({ access_token: "tok-new", refresh_token: "rt-next" });
    expect(u.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 7000_000);
    const form = srv.seen.find((s) => s.path === "/oauth/token")!;
    expect(form.body).toContain("refresh_token");
  });

  it("a refused refresh is an auth error", async () => {
    expect(((await mastodonProvider.refresh(account({ refresh_token: "rt-revoked" })).catch((e) => e)) as SocialError).kind).toBe("auth");
  });

  it("an expired token answer (401) is an auth error", async () => {
    expect(((await mastodonProvider.post(account({ access_token: "tok-expired" }), post("promo-2")).catch((e) => e)) as SocialError).kind).toBe("auth");
  });

  it("a 429 gives the wait from X-RateLimit-Reset", async () => {
    state.rateLimited = true;
    const e = (await mastodonProvider.post(account({ access_token: "tok-good" }), post("promo-3")).catch((x) => x)) as SocialError;
    expect(e.kind).toBe("rate_limited");
    const wait = e.retryAt!.getTime() - Date.now();
    expect(wait).toBeGreaterThan(170_000);
    expect(wait).toBeLessThanOrEqual(180_000);
  });

  it("an image the instance refuses is a clear rejection", async () => {
    const e = (await mastodonProvider.post(account({ access_token: "tok-good" }), post("promo-4", { image: { bytes: Buffer.from("gif"), mimeType: "image/gif", alt: "x" } })).catch((x) => x)) as SocialError;
    expect(e.kind).toBe("rejected");
    expect(e.message).toMatch(/content type is invalid/);
  });

  it("reads favourites, replies and boosts", async () => {
    expect(await mastodonProvider.metrics(account({ access_token: "tok-good" }), "100")).toEqual({ likes: 4, replies: 1, reposts: 2 });
  });
});
