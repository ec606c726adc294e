import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { hashPassword } from "../server/auth/password";
import { ADMIN, E2E_SERVER_ENV } from "./admin";
import { base, from, newIp, openStream, raw, rowCounts, signedEvent, stableRowCounts, withDb } from "./hostile/lib";

// Hostile requests against the real production server (scripts/e2e-server.ts: next start + worker).
// Every family expects its 4xx, and the database must not change: row counts of every table are
// compared before and after. Requests are counted; the suite sends well over 200.

test.describe.configure({ mode: "serial" });

const VIEWER = { email: `viewer-${randomBytes(4).toString("hex")}@merchloop.test`, password: "viewer-password-123" };
const LIMIT = Object.fromEntries(Object.entries(E2E_SERVER_ENV).map(([k, v]) => [k, Number(v)])) as Record<keyof typeof E2E_SERVER_ENV, number>;

let sent = 0;
let before: Record<string, number>;
let procedures: Array<{ path: string; type: "query" | "mutation" | "subscription" }>;
const tokens: string[] = [];
let viewerCtx: APIRequestContext;

const PUBLIC_PROCEDURES = new Set(["commissions.create", "donations.create", "shop.checkout", "shop.validate", "users.acceptInvite"]);
/** Reads viewers may not make (the rest of the dashboard's reads are open to them). */
const ADMIN_ONLY_QUERIES = new Set(["ask.catalogue"]);
/** Changes any signed-in user may make to themselves. */
const SELF_SERVICE = new Set(["users.changePassword"]);

/** Counts the request and checks the status (and the status only: bodies are checked where it matters). */
async function expectStatus(res: Promise<APIResponse> | APIResponse, status: number | number[], what: string) {
  const r = await res;
  sent++;
  const allowed = Array.isArray(status) ? status : [status];
  expect(allowed, `${what}: got ${r.status()} ${(await r.text()).slice(0, 200)}`).toContain(r.status());
  return r;
}

async function signIn(ctx: APIRequestContext, email: string, password: string, headers: Record<string, string> = {}, callbackUrl = "/admin") {
  const { csrfToken } = await (await ctx.get("/api/auth/csrf", { headers })).json();
  return ctx.post("/api/auth/callback/credentials", { form: { email, password, csrfToken, callbackUrl, json: "true" }, headers, maxRedirects: 0 });
}

function trpcCall(ctx: APIRequestContext, path: string, type: string, headers: Record<string, string> = {}) {
  return type === "query"
    ? ctx.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`, { headers })
    : ctx.post(`/api/trpc/${path}`, { data: { json: {} }, headers });
}

test.beforeAll(async () => {
  // Setup (before the snapshot): a VIEWER user straight in the database, and a few unpaid commissions to stream.
  // Every procedure, enumerated from the router itself.
  procedures = JSON.parse(execFileSync(join(process.cwd(), "node_modules", ".bin", "tsx"), [join(process.cwd(), "e2e", "hostile", "procedures.ts")], { encoding: "utf8" }));
  const hash = await hashPassword(VIEWER.password);
  await withDb((c) => c.query(`insert into users (id, email, "passwordHash", role, "updatedAt") values ($1, $2, $3, 'VIEWER', now())`, [`viewer_${randomBytes(6).toString("hex")}`, VIEWER.email, hash]));
  const setup = await playwrightRequest.newContext({ baseURL: base });
  const ip = newIp();
  for (let i = 0; i < 4; i++) {
    const res = await setup.post("/api/commissions", { data: { tier: "bronze", type: "SURPRISE" }, headers: from(ip) });
    expect(res.status(), await res.text()).toBe(201);
    tokens.push((await res.json()).statusUrl.split("/c/")[1]);
  }
  await setup.dispose();
  viewerCtx = await playwrightRequest.newContext({ baseURL: base });
  const signedIn = await signIn(viewerCtx, VIEWER.email, VIEWER.password);
  expect(signedIn.status(), await signedIn.text()).toBe(200);
  before = await stableRowCounts();
});

test.afterAll(async () => {
  await viewerCtx?.dispose();
});

test("every admin procedure refuses anonymous callers, and VIEWER callers get reads only", async ({ request }) => {
  const admin = procedures.filter((p) => !PUBLIC_PROCEDURES.has(p.path));
  expect(admin.length).toBeGreaterThan(20);
  for (const p of admin) {
    const anon = await expectStatus(trpcCall(request, p.path, p.type, from(newIp())), 401, `anonymous ${p.path}`);
    expect(await anon.text()).not.toMatch(/prisma|postgres|redis|node_modules|\bat \S+ \(/i);
    // A viewer changes nothing and reads the dashboard: mutations 403, reads answer (200, or 400 for
    // this empty input) — except the admin-only reads.
    const viewerMay = SELF_SERVICE.has(p.path) || (p.type === "query" && !ADMIN_ONLY_QUERIES.has(p.path));
    const v = await expectStatus(trpcCall(viewerCtx, p.path, p.type), viewerMay ? [200, 400] : [403], `viewer ${p.path}`);
    if (!viewerMay) expect(await v.text()).not.toMatch(/prisma|postgres|redis|node_modules|\bat \S+ \(/i);
  }
  // The viewer session is real: the same context may read what viewers may (the session endpoint).
  expect((await (await viewerCtx.get("/api/auth/session")).json()).user.email).toBe(VIEWER.email);
});

test("path traversal on /api/files never leaves the files directory", async ({ request }) => {
  const variants = [
    "../../../../etc/passwd",
    "..%2f..%2f..%2f..%2fetc%2fpasswd",
    "%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "%2e%2e%2f%2e%2e%2fsecrets.json",
    "%252e%252e%252f%252e%252e%252fetc%252fpasswd",
    "....//....//....//etc/passwd",
    "..%5c..%5c..%5cetc%5cpasswd",
    "designs/..%2f..%2f..%2fsecrets.json",
    "designs/%2e%2e/%2e%2e/local-webhook-secret",
    "%2fetc%2fpasswd",
    "..%00/etc/passwd",
    "designs%00.png",
    "%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
    "..;/..;/etc/passwd",
    "..%2f..%2f.env",
    "..%2f..%2fservices.env",
    "..%2f..%2fpostgres%2fpg_hba.conf",
    "designs/../../../../proc/self/environ",
  ];
  for (const v of variants) {
    const r = await expectStatus(request.get(`/api/files/${v}`, { headers: from(newIp()) }), [400, 404], `files ${v}`);
    expect(await r.text(), v).not.toMatch(/root:|whsec_|NEXTAUTH|DATABASE_URL|PATH=/);
  }
});

test("oversized and malformed bodies are refused before they are read", async ({ request }) => {
  const ip = newIp();
  const big = (kb: number) => JSON.stringify({ tier: "gold", type: "SURPRISE", message: "x".repeat(kb * 1024) });
  await expectStatus(request.post("/api/commissions", { data: big(70), headers: { ...from(ip), "content-type": "application/json" } }), 413, "70 KB commission");
  await expectStatus(request.post("/api/trpc/commissions.create", { data: big(70), headers: { ...from(ip), "content-type": "application/json" } }), 413, "70 KB tRPC");
  await expectStatus(request.post("/api/webhooks/stripe", { data: "x".repeat(300 * 1024), headers: { ...from(ip), "stripe-signature": "t=1,v1=x" } }), 413, "300 KB webhook");
  await expectStatus(request.post("/api/auth/callback/credentials", { data: `email=a%40b.c&password=${"x".repeat(70 * 1024)}`, headers: { ...from(ip), "content-type": "application/x-www-form-urlencoded" } }), 413, "70 KB sign-in");
  await expectStatus(request.post("/checkout/cs_local_x/complete", { data: `action=pay&pad=${"x".repeat(70 * 1024)}`, headers: { ...from(ip), "content-type": "application/x-www-form-urlencoded" } }), 413, "70 KB checkout");

  // A declared length over the cap is refused at once; a chunked body (no length) is counted as it streams.
  const declared = await raw("POST", "/api/webhooks/stripe", { "content-type": "application/json", "content-length": String(10 * 1024 * 1024), "x-forwarded-for": ip }, []);
  sent++;
  expect(declared.status).toBe(413);
  const chunk = Buffer.alloc(32 * 1024, "a");
  const chunked = await raw("POST", "/api/commissions", { "content-type": "application/json", "transfer-encoding": "chunked", "x-forwarded-for": ip }, Array.from({ length: 8 }, () => chunk));
  sent++;
  expect(chunked.status).toBe(413);
  const chunkedHook = await raw("POST", "/api/webhooks/stripe", { "content-type": "application/json", "transfer-encoding": "chunked", "stripe-signature": "t=1,v1=x", "x-forwarded-for": ip }, Array.from({ length: 12 }, () => chunk));
  sent++;
  expect(chunkedHook.status).toBe(413);

  const malformed: Array<[string, string]> = [
    ["{", "application/json"],
    ["[]", "application/json"],
    ["null", "application/json"],
    ['"a string"', "application/json"],
    ["42", "application/json"],
    ["", "application/json"],
    ["tier=gold&type=POST", "application/x-www-form-urlencoded"],
    ["\u0000\u0001\u0002", "application/octet-stream"],
    ['{"tier": "gold", "type": "POST", "postUrl": {"$ne": null}}', "application/json"],
    ['{"tier": ["gold"], "type": "SURPRISE"}', "application/json"],
    ['{"tier": "gold", "type": "SURPRISE", "amountCents": -2500}', "application/json"],
    ['{"tier": "gold", "type": "SURPRISE", "amountCents": 1e309}', "application/json"],
    ['{"__proto__": {"admin": true}, "tier": "gold", "type": "NOPE"}', "application/json"],
    [`${"[".repeat(5000)}${"]".repeat(5000)}`, "application/json"],
  ];
  for (const [body, type] of malformed) {
    await expectStatus(request.post("/api/commissions", { data: body, headers: { ...from(newIp()), "content-type": type } }), 400, `malformed ${body.slice(0, 30)}`);
  }
  await expectStatus(request.post("/api/trpc/commissions.create", { data: "{", headers: { ...from(ip), "content-type": "application/json" } }), 400, "malformed tRPC");
  await expectStatus(request.post("/api/trpc/commissions.create", { data: { json: { tier: 1, type: [] } }, headers: from(ip) }), 400, "tRPC wrong types");
});

test("forged, stale, wrong-key and wrong-mode webhooks are refused", async ({ request }) => {
  const post = (payload: string, signature: string | undefined, what: string) =>
    expectStatus(request.post("/api/webhooks/stripe", { data: payload, headers: { ...from(newIp()), "content-type": "application/json", ...(signature ? { "stripe-signature": signature } : {}) } }), 400, what);
  const good = signedEvent();
  await post(good.payload, undefined, "no signature");
  await post(good.payload, "", "empty signature");
  await post(good.payload, "garbage", "garbage signature");
  await post(good.payload, good.signature.replace(/v1=[0-9a-f]+/, `v1=${"0".repeat(64)}`), "zeroed signature");
  await post(good.payload, good.signature.replace(/v1=/, "v0="), "v0 scheme only");
  await post(good.payload.replace('"usd"', '"eur"'), good.signature, "tampered body");
  const wrongKey = signedEvent({ secret: "whsec_someone_elses_secret_0123456789" });
  await post(wrongKey.payload, wrongKey.signature, "wrong key");
  const stale = signedEvent({ timestamp: Math.floor(Date.now() / 1000) - 3600 });
  await post(stale.payload, stale.signature, "stale (1 h old)");
  const future = signedEvent({ timestamp: Math.floor(Date.now() / 1000) + 3600 });
  await post(future.payload, future.signature, "from the future");
  const live = signedEvent({ livemode: true });
  await post(live.payload, live.signature, "live-mode event on a test-mode shop");
  const liveRefund = signedEvent({ livemode: true, type: "charge.refunded", object: { id: "ch_x", object: "charge", payment_intent: "pi_x", amount_refunded: 1 } });
  await post(liveRefund.payload, liveRefund.signature, "live-mode refund");
  await post("not json", signedEvent().signature, "signature over another body");
});

test("no free money: the local checkout refuses sessions it does not know", async ({ request }) => {
  for (const s of ["cs_live_abc", "cs_local_doesnotexist", "..%2f..%2fapi%2fhealth", "cs_local_" + "a".repeat(500)]) {
    await expectStatus(request.post(`/checkout/${s}/complete`, { form: { action: "pay" }, headers: from(newIp()), maxRedirects: 0 }), 404, `complete ${s}`);
    await expectStatus(request.get(`/checkout/${s}`, { headers: from(newIp()) }), 404, `page ${s}`);
  }
});

test("post links must be Reddit post links; donation words pass the content check", async ({ request }) => {
  for (const postUrl of [
    "https://evil.example/r/cats/comments/abc123/",
    "https://reddit.com.evil.example/r/cats/comments/abc123/",
    "https://www.reddit.com@evil.example/r/cats/comments/abc123/",
    "javascript:alert(1)//www.reddit.com/comments/abc123/",
    "https://www.reddit.com/r/cats/",
    "file:///etc/passwd",
    "https://redd.it/../../admin",
    "http://127.0.0.1:5432/comments/abc123/",
  ]) {
    const r = await expectStatus(request.post("/api/commissions", { data: { tier: "gold", type: "POST", postUrl }, headers: from(newIp()) }), 400, `postUrl ${postUrl}`);
    expect((await r.json()).error.message).toMatch(/Reddit post/);
  }
  for (const [donorName, message] of [["Disney fan", "hi"], ["Anna", "for marvel lovers"]]) {
    const r = await expectStatus(
      request.post("/api/trpc/donations.create", { data: { json: { subreddit: "cats", amountCents: 500, donorName, message } }, headers: from(newIp()) }),
      422,
      `donation words ${donorName}/${message}`,
    );
    expect(await r.text()).toMatch(/denylist/);
  }
});

test("open redirects: sign-in only ever sends people to this site", async ({ request }) => {
  const evil = ["https://evil.example/", "//evil.example", "/\\evil.example", "/%2F%2Fevil.example", "%2F%2Fevil.example", "/%5Cevil.example", "http:evil.example", "/\t/evil.example", "javascript:alert(1)"];
  for (const cb of evil) {
    await expectStatus(request.get(`/api/auth/signin?callbackUrl=${encodeURIComponent(cb)}`, { maxRedirects: 0, headers: from(newIp()) }), 400, `signin redirect ${cb}`);
    await expectStatus(request.get(`/api/auth/signin/credentials?callbackUrl=${encodeURIComponent(cb)}`, { maxRedirects: 0, headers: from(newIp()) }), 400, `provider redirect ${cb}`);
  }
  // A sign-in carrying a hostile callbackUrl is refused before any password check.
  const ctx = await playwrightRequest.newContext({ baseURL: base });
  for (const cb of ["//evil.example", "https://evil.example/x", "/\\evil.example"]) {
    await expectStatus(signIn(ctx, VIEWER.email, VIEWER.password, {}, cb), 400, `callback ${cb}`);
  }
  // A same-site one is kept.
  const ok = await signIn(ctx, VIEWER.email, VIEWER.password, {}, "/admin/ideas");
  expect(new URL((await ok.json()).url).pathname).toBe("/admin/ideas");
  await ctx.dispose();
});

test("operator endpoints need an admin session or the metrics token; errors say nothing inside", async ({ request }) => {
  for (const path of ["/api/status", "/api/metrics"]) {
    await expectStatus(request.get(path, { headers: from(newIp()) }), 401, `${path} anonymous`);
    await expectStatus(request.get(path, { headers: { ...from(newIp()), authorization: "Bearer wrong-token-wrong-token" } }), 401, `${path} wrong token`);
    await expectStatus(request.get(path, { headers: { ...from(newIp()), authorization: `Basic ${Buffer.from("admin:admin").toString("base64")}` } }), 401, `${path} basic`);
    await expectStatus(viewerCtx.get(path), 401, `${path} viewer`);
    expect((await request.get(path, { headers: { authorization: `Bearer ${E2E_SERVER_ENV.METRICS_TOKEN}` } })).status()).toBe(200);
  }
  expect(await (await request.get("/api/health")).json()).toEqual({ ok: true });
  const ready = await (await request.get("/api/ready")).json();
  expect(JSON.stringify(ready)).not.toMatch(/error|postgres(ql)?:\/\/|redis:\/\//i);
});

test("security headers on pages, API answers and errors", async ({ request }) => {
  const nonces = new Set<string>();
  // Gallery pages are served from the shared cache: their stored HTML cannot carry a per-request
  // nonce, so their script policy is this origin plus Next's inline bootstrap (README → Security).
  for (const path of ["/", "/shop/2"]) {
    const h = (await request.get(path, { maxRedirects: 0 })).headers();
    const csp = h["content-security-policy"] ?? "";
    expect(csp.split(";").find((d) => d.trim().startsWith("script-src"))?.trim(), path).toBe("script-src 'self' 'unsafe-inline'");
    for (const d of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) expect(csp, path).toContain(d);
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["x-frame-options"], path).toBe("DENY");
  }
  for (const path of ["/commission", "/fundraising", "/signin", "/cart", "/o/nope", "/c/nope"]) {
    const r = await request.get(path, { maxRedirects: 0 });
    const h = r.headers();
    const csp = h["content-security-policy"] ?? "";
    const script = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
    expect(script, path).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
    expect(script, path).not.toContain("'unsafe-inline'");
    expect(csp, path).toContain("frame-ancestors 'none'");
    nonces.add(script.match(/'nonce-([^']+)'/)![1]);
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["x-frame-options"], path).toBe("DENY");
    expect(h["referrer-policy"], path).toBeTruthy();
  }
  expect(nonces.size).toBe(6);
  for (const path of ["/api/health", "/api/commissions/nope", "/api/files/nope.png", "/api/status"]) {
    const h = (await request.get(path, { headers: from(newIp()) })).headers();
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(h["x-frame-options"], path).toBe("DENY");
  }
});

test("shop pages past the last one are 404s", async ({ request }) => {
  for (const p of ["999", "1000000", "0", "-1", "02", "1.5", "1e3", "abc", "%20", "9".repeat(40)]) {
    await expectStatus(request.get(`/shop/${p}`, { headers: from(newIp()) }), 404, `/shop/${p}`);
  }
});

test("floods: each limit answers 429 with Retry-After", async ({ request }) => {
  // Public API per IP.
  const apiIp = newIp();
  const statuses: number[] = [];
  for (let i = 0; i < LIMIT.RATE_LIMIT_API_PER_IP + 10; i += 25) {
    const batch = await Promise.all(Array.from({ length: 25 }, () => request.get(`/api/commissions/${randomBytes(8).toString("hex")}`, { headers: from(apiIp) })));
    sent += batch.length;
    statuses.push(...batch.map((r) => r.status()));
  }
  expect(statuses.filter((s) => s === 404).length).toBe(LIMIT.RATE_LIMIT_API_PER_IP);
  expect(statuses.filter((s) => s === 429).length).toBe(statuses.length - LIMIT.RATE_LIMIT_API_PER_IP);
  const limited = await expectStatus(request.get("/api/commissions/x", { headers: from(apiIp) }), 429, "api flood");
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
  // Another client is not affected.
  await expectStatus(request.get("/api/commissions/x", { headers: from(newIp()) }), 404, "other client");
  // tRPC shares the API limit.
  await expectStatus(request.get(`/api/trpc/ideas.list`, { headers: from(apiIp) }), 429, "tRPC flood");

  // Creation per IP (invalid bodies: the limit is spent before validation, nothing is created).
  const createIp = newIp();
  for (let i = 0; i < LIMIT.RATE_LIMIT_CREATE_PER_IP; i++) await expectStatus(request.post("/api/commissions", { data: { tier: "gold", type: "NOPE" }, headers: from(createIp) }), 400, "create under limit");
  const c429 = await expectStatus(request.post("/api/commissions", { data: { tier: "gold", type: "NOPE" }, headers: from(createIp) }), 429, "create flood");
  expect(Number(c429.headers()["retry-after"])).toBeGreaterThan(0);
  await expectStatus(request.post("/api/trpc/donations.create", { data: { json: { subreddit: "cats", amountCents: 1 } }, headers: from(createIp) }), 429, "donation flood");

  // Sign-in per account: an unknown email and the viewer's account, wrong passwords from many IPs.
  for (const email of [`nobody-${randomBytes(3).toString("hex")}@merchloop.test`, VIEWER.email]) {
    for (let i = 0; i < LIMIT.RATE_LIMIT_SIGNIN_PER_ACCOUNT; i++) {
      const r = await expectStatus(signIn(request, email, "wrong-password", from(newIp())), 401, `wrong password ${i}`);
      expect((await r.json()).url).toMatch(/error=CredentialsSignin/);
    }
    const r = await expectStatus(signIn(request, email, "wrong-password", from(newIp())), 429, `account flood ${email}`);
    expect(Number(r.headers()["retry-after"])).toBeGreaterThan(0);
  }
  // Known and unknown emails were answered alike (same status, same body) until the limit.
  // Sign-in per IP: many accounts from one address.
  const signinIp = newIp();
  for (let i = 0; i < LIMIT.RATE_LIMIT_SIGNIN_PER_IP; i++) await expectStatus(signIn(request, `spray-${i}@merchloop.test`, "x", from(signinIp)), 401, `spray ${i}`);
  await expectStatus(signIn(request, `spray-last@merchloop.test`, "x", from(signinIp)), 429, "ip sign-in flood");
  // The real admin, from elsewhere, still signs in.
  const adminCtx = await playwrightRequest.newContext({ baseURL: base });
  await expectStatus(signIn(adminCtx, ADMIN.email, ADMIN.password, from(newIp())), 200, "admin still signs in");
  await adminCtx.dispose();

  // tRPC batch size.
  const batch = Array.from({ length: LIMIT.TRPC_MAX_BATCH + 1 }, () => "ideas.list").join(",");
  await expectStatus(request.get(`/api/trpc/${batch}?batch=1&input=${encodeURIComponent("{}")}`, { headers: from(newIp()) }), 400, "batch too large");
});

test("event streams: concurrent per token and per IP; an unpaid commission's stream closes early", async () => {
  const ip = newIp();
  const path = (t: string) => `/api/commissions/${t}/events`;
  const open = [];
  for (let i = 0; i < LIMIT.RATE_LIMIT_SSE_PER_TOKEN; i++) open.push(await openStream(path(tokens[0]), from(ip)));
  expect(open.map((s) => s.status)).toEqual(Array(LIMIT.RATE_LIMIT_SSE_PER_TOKEN).fill(200));
  const overToken = await openStream(path(tokens[0]), from(newIp()));
  sent += open.length + 1;
  expect(overToken.status).toBe(429);
  expect(Number(overToken.retryAfter)).toBeGreaterThan(0);
  overToken.close();
  // Fill the IP's allowance with other tokens, then one more is refused.
  for (let t = 1; open.length < LIMIT.RATE_LIMIT_SSE_PER_IP; t++) {
    for (let i = 0; i < LIMIT.RATE_LIMIT_SSE_PER_TOKEN && open.length < LIMIT.RATE_LIMIT_SSE_PER_IP; i++) open.push(await openStream(path(tokens[t]), from(ip)));
  }
  expect(open.every((s) => s.status === 200)).toBe(true);
  const overIp = await openStream(path(tokens[3]), from(ip));
  sent += LIMIT.RATE_LIMIT_SSE_PER_IP - LIMIT.RATE_LIMIT_SSE_PER_TOKEN + 1;
  expect(overIp.status).toBe(429);
  overIp.close();
  for (const s of open) s.close();

  // Closed streams free their slots; an unpaid commission's stream ends by itself, without "end",
  // telling the browser to come back slowly.
  let again = await openStream(path(tokens[3]), from(ip));
  for (let i = 0; i < 20 && again.status === 429; i++) {
    again.close();
    await new Promise((r) => setTimeout(r, 250));
    again = await openStream(path(tokens[3]), from(ip));
  }
  expect(again.status).toBe(200);
  const text = await again.text();
  expect(text).toContain("retry: 15000");
  expect(text).not.toContain("event: end");
});

test("none of it changed anything, and the suite sent over 200 hostile requests", async () => {
  const after = await stableRowCounts();
  expect(after).toEqual(before);
  expect(await rowCounts()).toEqual(before);
  expect(sent).toBeGreaterThanOrEqual(200);
});
