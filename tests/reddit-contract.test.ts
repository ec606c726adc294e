import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publicReddit } from "../server/providers/reddit/public";
import { oauthReddit, postFromSubmission } from "../server/providers/reddit/oauth";
import { reddit, resetReddit } from "../server/providers/reddit";
import { resetEnvCache } from "../server/env";
import { listing, t3 } from "./helpers/ingest";

// A local server that speaks Reddit's wire format: listing JSON, by_id, /comments/<id>, and the
// OAuth token exchange followed by bearer-authenticated API calls (what snoowrap does).

const posts = [
  t3({ id: "c0001", subreddit: "Cats", title: "Loaf of the day", score: 321, num_comments: 12, extra_field: { nested: true } }),
  t3({ id: "c0002", subreddit: "Cats", title: "Cat judges my life", over_18: true }),
  t3({ id: "c0003", subreddit: "Cats", title: "Weekly thread", stickied: true }),
];
const comments = (postId: string) => ({
  kind: "Listing",
  data: { after: null, before: null, children: [{ kind: "t1", data: { id: "k1", name: "t1_k1", parent_id: `t3_${postId}`, link_id: `t3_${postId}`, body: "nice", author: "someone", replies: "", subreddit: "Cats", score: 3 } }] },
});

type Seen = { method: string; path: string; auth?: string; ua?: string; body: string };
const seen: Seen[] = [];
let server: Server;
let base: string;

const readBody = (req: IncomingMessage) => new Promise<string>((res) => { let b = ""; req.on("data", (c) => (b += c)); req.on("end", () => res(b)); });

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const body = await readBody(req);
    const url = new URL(req.url ?? "/", "http://x");
    seen.push({ method: req.method ?? "GET", path: `${url.pathname}${url.search}`, auth: req.headers.authorization, ua: req.headers["user-agent"], body });
    const json = (status: number, v: unknown) => { res.writeHead(status, { "content-type": "application/json; charset=UTF-8" }); res.end(JSON.stringify(v)); };
    const path = url.pathname.replace(/\.json$/, "").replace(/\/$/, "");
    if (req.method === "POST" && path === "/api/v1/access_token") {
      const ok = req.headers.authorization === `Basic ${Buffer.from("cid:csecret").toString("base64")}` && /grant_type=password/.test(body) && /username=bot/.test(body) && /password=pw/.test(body);
      return ok ? json(200, { access_token: "tok-123", token_type: "bearer", expires_in: 3600, scope: "*" }) : json(401, { error: "invalid_grant" });
    }
    const oauthPath = path === "/r/Cats/hot" || path === "/r/cats/hot" || path.startsWith("/comments/");
    if (req.headers.authorization?.startsWith("Bearer") && req.headers.authorization !== "Bearer tok-123" && oauthPath) return json(401, { message: "Unauthorized" });
    if (path === "/r/cats/hot" || path === "/r/Cats/hot") {
      const limit = Number(url.searchParams.get("limit") ?? 25);
      return json(200, listing(posts.slice(0, limit)));
    }
    if (path === "/r/cats/new") return json(200, listing([...posts].reverse()));
    if (path === "/r/private/hot") return json(403, { reason: "private", message: "Forbidden" });
    if (path === "/r/busy/hot") return json(500, { message: "Internal Server Error" });
    if (path.startsWith("/by_id/t3_")) {
      const id = path.slice("/by_id/t3_".length);
      return json(200, listing(posts.filter((p) => p.id === id)));
    }
    if (path.startsWith("/comments/")) {
      const id = path.split("/")[2];
      const p = posts.find((x) => x.id === id);
      return p ? json(200, [listing([p]), comments(p.id)]) : json(404, { message: "Not Found", error: 404 });
    }
    json(404, { message: "Not Found", error: 404 });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("public listing JSON provider", () => {
  it("reads /r/<sub>/<sort>.json with limit and our user agent, through the Listing parser", async () => {
    const r = publicReddit({ baseUrl: base, userAgent: "merchloop-test/1" });
    const got = await r.listing("cats", "hot", 2);
    expect(got.map((p) => p.id)).toEqual(["c0001", "c0002"]);
    expect(got[0]).toMatchObject({ subreddit: "cats", title: "Loaf of the day", score: 321, numComments: 12 });
    expect(got[1].over18).toBe(true);
    const req = seen.find((s) => s.path.startsWith("/r/cats/hot.json"))!;
    expect(req.path).toContain("limit=2");
    expect(req.ua).toBe("merchloop-test/1");
  });

  it("reads one post by id or URL from /by_id", async () => {
    const r = publicReddit({ baseUrl: base, userAgent: "t" });
    expect((await r.post("https://www.reddit.com/r/cats/comments/c0003/weekly/"))?.stickied).toBe(true);
    expect(await r.post("zz999")).toBeNull();
  });

  it("treats a private subreddit as empty and a server error as an upstream error", async () => {
    const r = publicReddit({ baseUrl: base, userAgent: "t" });
    expect(await r.listing("private", "hot", 5)).toEqual([]);
    await expect(r.listing("busy", "hot", 5)).rejects.toMatchObject({ code: "UPSTREAM" });
  });

  it("is what reddit() returns for REDDIT_PROVIDER=public", async () => {
    Object.assign(process.env, { DATABASE_URL: "postgresql://x@127.0.0.1/x", REDIS_URL: "redis://127.0.0.1:6379", REDDIT_PROVIDER: "public", REDDIT_BASE_URL: base });
    resetEnvCache();
    resetReddit();
    try {
      expect((await reddit().listing("cats", "new", 5))[0].id).toBe("c0003");
    } finally {
      delete process.env.REDDIT_PROVIDER;
      delete process.env.REDDIT_BASE_URL;
      resetEnvCache();
      resetReddit();
    }
  });
});

describe("OAuth provider (snoowrap)", () => {
  const cfg = () => ({ clientId: "cid", clientSecret: "csecret", username: "bot", password: "pw", userAgent: "merchloop-oauth-test/1", baseUrl: base });

  it("exchanges the password grant for a token, then reads the listing with the bearer token", async () => {
    seen.length = 0;
    const r = oauthReddit(cfg());
    const got = await r.listing("Cats", "hot", 3);
    expect(got.map((p) => p.id)).toEqual(["c0001", "c0002", "c0003"]);
    expect(got[0]).toMatchObject({ subreddit: "cats", title: "Loaf of the day", score: 321, numComments: 12, over18: false });
    expect(got[1].over18).toBe(true);
    expect(got[2].stickied).toBe(true);
    // raw is Reddit's t3 data again (snoowrap objects converted back), extra fields included
    expect((got[0].raw as { extra_field: unknown }).extra_field).toEqual({ nested: true });
    const token = seen.find((s) => s.path.startsWith("/api/v1/access_token"))!;
    expect(token.method).toBe("POST");
    const api = seen.find((s) => s.path.startsWith("/r/Cats/hot"))!;
    expect(api.auth).toBe("Bearer tok-123");
    expect(api.path).toContain("limit=3");
  });

  it("fetches one post by URL and returns null for a missing one", async () => {
    const r = oauthReddit(cfg());
    expect((await r.post("https://www.reddit.com/r/cats/comments/c0002/x/"))?.title).toBe("Cat judges my life");
    expect(await r.post("zz999")).toBeNull();
  });

  it("reports bad credentials as an upstream error", async () => {
    const r = oauthReddit({ ...cfg(), password: "wrong" });
    await expect(r.listing("cats", "hot", 1)).rejects.toMatchObject({ code: "UPSTREAM" });
  });

  it("converts snoowrap-shaped objects (toJSON) and plain t3 data alike", () => {
    const plain = t3({ id: "p0001", subreddit: "Puns" });
    const wrapped = { toJSON: () => plain };
    expect(postFromSubmission(wrapped)).toEqual(postFromSubmission(plain));
    expect(postFromSubmission(wrapped).subreddit).toBe("puns");
  });
});
