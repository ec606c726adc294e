import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redditProvider } from "../server/providers/social/reddit";
import { SocialError, type SocialAccountRef } from "../server/providers/social/types";
import { json, startServer } from "./contract/social-servers";

// Reddit's OAuth API as snoowrap speaks it: /api/v1/access_token (refresh_token grant, Basic auth),
// then bearer calls to /api/submit, /api/comment and /user/<name>/submitted.

let srv: Awaited<ReturnType<typeof startServer>>;
const LINK = "https://shop.test/products/cat-tee?tc=abc";
const submitted: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  await import("snoowrap"); // loaded lazily by the provider; load it outside the test timeouts
  srv = await startServer((req, res, raw, url) => {
    const body = new URLSearchParams(raw.toString("utf8"));
    const path = url.pathname.replace(/\.json$/, "").replace(/\/$/, "");
    if (req.method === "POST" && path === "/api/v1/access_token") {
      if (req.headers.authorization !== `Basic ${Buffer.from("cid:csecret").toString("base64")}`) return json(res, 401, { error: 401 });
      if (body.get("grant_type") !== "refresh_token") return json(res, 400, { error: "unsupported_grant_type" });
      const rt = body.get("refresh_token");
      if (rt === "rt-good") return json(res, 200, { access_token: "at-fresh", token_type: "bearer", expires_in: 3600, scope: "submit read identity" });
      if (rt === "rt-rotating") return json(res, 200, { access_token: "at-fresh", refresh_token: "rt-next", token_type: "bearer", expires_in: 3600, scope: "*" });
      return json(res, 400, { error: "invalid_grant" });
    }
    const auth = req.headers.authorization ?? "";
    if (auth === "Bearer at-expired") return json(res, 401, { message: "Unauthorized", error: 401 });
    if (auth !== "Bearer at-fresh") return json(res, 403, { message: "Forbidden", error: 403 });
    if (req.method === "POST" && path === "/api/submit") {
      const sr = body.get("sr");
      if (sr === "private") return json(res, 200, { json: { errors: [["SUBREDDIT_NOTALLOWED", "you aren't allowed to post there.", "sr"]] } });
      if (sr === "busy") return json(res, 200, { json: { errors: [["RATELIMIT", "you are doing that too much. try again in 7 minutes.", "ratelimit"]] } });
      if (sr === "flood") return json(res, 429, { message: "Too Many Requests", error: 429 }, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "120", "x-ratelimit-used": "100" });
      const id = `p${submitted.length + 1}`;
      submitted.push({ id, name: `t3_${id}`, kind: body.get("kind"), sr, title: body.get("title"), url: body.get("url"), permalink: `/r/${sr}/comments/${id}/x/` });
      return json(res, 200, { json: { errors: [], data: { id, name: `t3_${id}`, url: `https://www.reddit.com/r/${sr}/comments/${id}/x/` } } });
    }
    if (req.method === "POST" && path === "/api/comment") {
      const parent = body.get("thing_id");
      return json(res, 200, { json: { errors: [], data: { things: [{ kind: "t1", data: { id: "c9", name: "t1_c9", parent_id: parent, body: body.get("text"), replies: "", link_id: "t3_p1", permalink: "/r/cats/comments/p1/x/c9/" } }] } } });
    }
    if (path === "/user/bot/submitted") {
      return json(res, 200, { kind: "Listing", data: { after: null, before: null, children: submitted.map((s) => ({ kind: "t3", data: { ...s, subreddit: s.sr } })) } });
    }
    json(res, 404, { message: "Not Found", error: 404 });
  });
}, 60_000);
afterAll(() => srv.close());

const account = (credentials: Record<string, string>): SocialAccountRef => ({
  handle: "u/bot",
  serviceUrl: srv.base,
  config: { clientId: "cid", userAgent: "merchloop-test/1" },
  credentials: { client_secret: "csecret", ...credentials },
});

describe("Reddit provider (snoowrap) against Reddit's wire format", () => {
  it("posts a link to a subreddit with the bearer token and returns the t3 id and URL", async () => {
    const r = await redditProvider.post(account({ access_token: "at-fresh" }), { idempotencyKey: "post-1", mayExist: false, title: "Loaf tee", text: "Loaf tee", link: LINK, community: "cats" });
    expect(r.externalId).toMatch(/^t3_p\d+$/);
    expect(r.url).toContain("/r/cats/comments/");
    const call = srv.seen.find((s) => s.path.startsWith("/api/submit"))!;
    expect(call.auth).toBe("Bearer at-fresh");
    const form = new URLSearchParams(call.body);
    expect(form.get("kind")).toBe("link");
    expect(form.get("url")).toBe(LINK);
    expect(form.get("sr")).toBe("cats");
  });

  it("a retry that may have gone through finds the earlier submission instead of posting again", async () => {
    const before = submitted.length;
    const r = await redditProvider.post(account({ access_token: "at-fresh" }), { idempotencyKey: "post-1", mayExist: true, title: "Loaf tee", text: "Loaf tee", link: LINK, community: "cats" });
    expect(submitted.length).toBe(before);
    expect(r.externalId).toBe(`t3_${submitted[0].id}`);
  });

  it("replies to a comment", async () => {
    const r = await redditProvider.post(account({ access_token: "at-fresh" }), { idempotencyKey: "reply-1", mayExist: false, text: "Thanks!", replyToId: "t1_k1" });
    expect(r.externalId).toBe("t1_c9");
    expect(new URLSearchParams(srv.seen.find((s) => s.path.startsWith("/api/comment"))!.body).get("thing_id")).toBe("t1_k1");
  });

  it("refreshes with the refresh token and keeps it when Reddit returns none", async () => {
    const u = await redditProvider.refresh(account({ refresh_token: "rt-good", access_token: "at-expired" }));
    expect(u.secrets).toEqual({ access_token: "at-fresh" });
    expect(u.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 3500_000);
    const rotated = await redditProvider.refresh(account({ refresh_token: "rt-rotating" }));
    expect(rotated.secrets).toEqual({ access_token: "at-fresh", refresh_token: "rt-next" });
  });

  it("a refused refresh token is an auth error (the account needs reconnecting)", async () => {
    await expect(redditProvider.refresh(account({ refresh_token: "rt-revoked" }))).rejects.toMatchObject({ kind: "auth" });
  });

  it("an expired access token answers 401 → auth error", async () => {
    const e = await redditProvider.post(account({ access_token: "at-expired" }), { idempotencyKey: "x", mayExist: false, title: "t", text: "t", link: LINK, community: "cats" }).catch((x) => x);
    expect(e).toBeInstanceOf(SocialError);
    expect(e.kind).toBe("auth");
  });

  it("a RATELIMIT answer gives the wait Reddit named", async () => {
    const e = (await redditProvider.post(account({ access_token: "at-fresh" }), { idempotencyKey: "y", mayExist: false, title: "t", text: "t", link: LINK, community: "busy" }).catch((x) => x)) as SocialError;
    expect(e.kind).toBe("rate_limited");
    const wait = e.retryAt!.getTime() - Date.now();
    expect(wait).toBeGreaterThan(6.5 * 60_000);
    expect(wait).toBeLessThanOrEqual(7 * 60_000);
  });

  it("a 429 gives the wait from x-ratelimit-reset", async () => {
    const e = (await redditProvider.post(account({ access_token: "at-fresh" }), { idempotencyKey: "z", mayExist: false, title: "t", text: "t", link: LINK, community: "flood" }).catch((x) => x)) as SocialError;
    expect(e.kind).toBe("rate_limited");
    const wait = e.retryAt!.getTime() - Date.now();
    expect(wait).toBeGreaterThan(110_000);
    expect(wait).toBeLessThanOrEqual(120_000);
  });

  it("a subreddit the account may not post to is a clear rejection", async () => {
    const e = (await redditProvider.post(account({ access_token: "at-fresh" }), { idempotencyKey: "w", mayExist: false, title: "t", text: "t", link: LINK, community: "private" }).catch((x) => x)) as SocialError;
    expect(e.kind).toBe("rejected");
    expect(e.message).toMatch(/SUBREDDIT_NOTALLOWED/);
  });
});
