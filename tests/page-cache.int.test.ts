/**
 * The gallery's path before Next (server/http/page-cache.ts) and the page records the Redis cache
 * handler keeps for it (server/cache/redis-cache-handler.cjs), on a real Redis and a real node:http
 * server. "Next" here is a stand-in handler that answers the way Next does on a cache HIT; the real
 * server is covered by tests/scale-processes.int.test.ts and e2e.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { EventEmitter } from "node:events";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { galleryKey, inRenderSlot, learnHeaders, SERVED_HEADER, servePageFromCache } from "../server/http/page-cache";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const Handler = require("../server/cache/redis-cache-handler.cjs");

const ROUTE = "/route-cache/APP_PAGE/0a1b2c/$";
const dist = mkdtempSync(join(tmpdir(), "merchloop-page-cache-"));
mkdirSync(join(dist, "server"));
writeFileSync(join(dist, "BUILD_ID"), `test-${process.pid}`);
const handler = new Handler({ serverDistDir: join(dist, "server") });

const page = (html: string, tags = "_N_T_/layout,_N_T_/shop/[page]/page,storefront:gallery") => ({
  kind: "APP_PAGE",
  html,
  rscData: Buffer.from("rsc"),
  headers: { "x-next-cache-tags": tags },
  postponed: undefined,
  status: 200,
  segmentData: new Map(),
});
const store = (path: string, html: string, revalidate = 300, tags?: string) => handler.set(`${ROUTE}${path}`, page(html, tags), { cacheControl: { revalidate, expire: 3600 } });

let nextCalls = 0;
const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  const key = galleryKey(req);
  const next = () => {
    nextCalls += 1;
    res.setHeader("content-security-policy", "default-src 'self'");
    res.setHeader("x-content-type-options", "nosniff");
    res.setHeader("vary", "rsc");
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.setHeader("x-nextjs-cache", "HIT");
    res.end("from next");
  };
  if (!key) return next();
  void servePageFromCache(req, res, key).then((served) => {
    if (served) return;
    learnHeaders(res);
    inRenderSlot(res, next);
  });
});
let base = "";

function get(path: string, headers: Record<string, string> = {}, method = "GET") {
  return new Promise<{ status: number; headers: IncomingMessage["headers"]; body: Buffer }>((resolve, reject) => {
    const r = request(`${base}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    r.on("error", reject);
    r.end();
  });
}

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("which requests are plain gallery views", () => {
  const req = (url: string, headers: Record<string, string> = {}, method = "GET") => ({ url, method, headers }) as unknown as IncomingMessage;
  it("takes / and /shop/N, and leaves everything else to Next", () => {
    expect(galleryKey(req("/"))).toBe("/shop/1");
    expect(galleryKey(req("/shop/7"))).toBe("/shop/7");
    expect(galleryKey(req("/shop/7", {}, "HEAD"))).toBe("/shop/7");
    for (const url of ["/shop/1", "/shop/7?page=2", "/?page=3", "/shop/7/", "/shop/x", "/shop/1234567", "/p/a-mug", "/api/products"]) expect(galleryKey(req(url))).toBeNull();
    expect(galleryKey(req("/shop/7", {}, "POST"))).toBeNull();
    expect(galleryKey(req("/shop/7", { rsc: "1" }))).toBeNull();
    expect(galleryKey(req("/shop/7", { "next-router-prefetch": "1" }))).toBeNull();
    expect(galleryKey(req("/shop/7", { cookie: "__prerender_bypass=1" }))).toBeNull();
  });
});

describe("gallery pages before Next", () => {
  it("serves a stored page with Next's own headers, fresh after a revalidation, and leaves the rest to Next", async () => {
    await store("/shop/1", "<html>page one</html>");
    await store("/shop/2", "<html>page two</html>");

    // Until Next has answered one gallery request in this process there are no headers to copy.
    nextCalls = 0;
    let r = await get("/");
    expect(r.body.toString()).toBe("from next");
    expect(nextCalls).toBe(1);

    r = await get("/");
    expect(r.status).toBe(200);
    expect(r.body.toString()).toBe("<html>page one</html>");
    expect(r.headers[SERVED_HEADER]).toBe("HIT");
    expect(r.headers["x-nextjs-cache"]).toBe("HIT");
    expect(r.headers["content-security-policy"]).toBe("default-src 'self'");
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
    expect(r.headers.vary).toBe("rsc, Accept-Encoding");
    expect(Number(r.headers["content-length"])).toBe(r.body.length);
    // Another page of the same route, stored by another process: its key follows from page 1's.
    expect((await get("/shop/2")).body.toString()).toBe("<html>page two</html>");
    expect(nextCalls).toBe(1);

    const gz = await get("/shop/2", { "accept-encoding": "gzip, br" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).toString()).toBe("<html>page two</html>");
    const head = await get("/shop/2", {}, "HEAD");
    expect(head.body.length).toBe(0);
    expect(Number(head.headers["content-length"])).toBe(Buffer.byteLength("<html>page two</html>"));

    // Never rendered, or an RSC request: Next's.
    expect((await get("/shop/3")).body.toString()).toBe("from next");
    expect((await get("/shop/2", { rsc: "1" })).body.toString()).toBe("from next");

    // A publish revalidates the gallery tag: the stored page is no longer served…
    await new Promise((r) => setTimeout(r, 5));
    await handler.revalidateTag("storefront:gallery");
    nextCalls = 0;
    expect((await get("/shop/2")).body.toString()).toBe("from next");
    expect(nextCalls).toBe(1);
    // …until a render after it is stored (written after the margin for renders in flight).
    const later = Date.now() + 4_000;
    const realNow = Date.now;
    Date.now = () => later;
    try {
      await store("/shop/2", "<html>page two, with the new product</html>");
      expect((await get("/shop/2")).body.toString()).toBe("<html>page two, with the new product</html>");
    } finally {
      Date.now = realNow;
    }
  });

  it("does not serve a page past its revalidate period (Next serves it stale and renders it again)", async () => {
    await store("/shop/9", "<html>page nine</html>", 0, "_N_T_/shop/9");
    expect((await get("/shop/9")).body.toString()).toBe("from next");
    await store("/shop/9", "<html>page nine</html>", 300, "_N_T_/shop/9");
    expect((await get("/shop/9")).body.toString()).toBe("<html>page nine</html>");
  });
});

describe("render slots", () => {
  const fakeResponse = () => Object.assign(new EventEmitter(), { closed: false, destroyed: false }) as unknown as ServerResponse & { closed: boolean };

  it("renders four gallery pages at once in a process; the rest wait, and a shopper who left is skipped", () => {
    const started: number[] = [];
    const responses = Array.from({ length: 7 }, fakeResponse);
    responses.forEach((res, i) => inRenderSlot(res, () => started.push(i)));
    expect(started).toEqual([0, 1, 2, 3]);

    // Request 4 is abandoned while it waits.
    responses[4].closed = true;
    responses[4].emit("close");
    responses[0].emit("finish");
    expect(started).toEqual([0, 1, 2, 3, 5]);
    responses[1].emit("close");
    responses[1].emit("finish"); // both events for one response free one slot
    expect(started).toEqual([0, 1, 2, 3, 5, 6]);
    for (const i of [2, 3, 5, 6]) responses[i].emit("finish");

    // All slots are free again.
    const more: number[] = [];
    const again = Array.from({ length: 4 }, fakeResponse);
    again.forEach((res, i) => inRenderSlot(res, () => more.push(i)));
    expect(more).toEqual([0, 1, 2, 3]);
    for (const res of again) res.emit("finish");
  });
});
