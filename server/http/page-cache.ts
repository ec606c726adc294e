import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";

/**
 * Gallery pages (`/` and `/shop/N`) straight from the shared page cache, before Next's router.
 *
 * Next serves a cached gallery page at ~4 ms of CPU (its router, the `/` → `/shop/1` rewrite, the
 * proxy, the response pipeline), four times a static file's cost, so 50 shoppers in flight waited
 * 3–4× as long for page 1 as for a file (bench/edge.ts). The page itself was already rendered and
 * stored by Next's cache handler (server/cache/redis-cache-handler.cjs). This path serves that same
 * entry after the same shared tag check Next's `get` does, so a publish anywhere is seen here at
 * once; whenever the check is not all there is to it (not cached in this process yet, past its
 * revalidate time, a tag revalidated, Redis down, an RSC or prefetch request, a query string) the
 * request goes to Next untouched, which renders, revalidates and fills the cache as before.
 *
 * The response headers are the ones Next itself sent on its last cache HIT for a gallery page
 * (security headers, the gallery's CSP, Cache-Control, Vary), so both paths answer alike; until
 * Next has answered one such request in this process, every request goes to Next.
 */

type CachedPage = { body: Buffer; gz?: Buffer };
type Peek = (path: string, sameRouteAs: string) => Promise<CachedPage | null>;

/** Marks a response this path sent (Next's own say "x-nextjs-cache" only), for tests and operators. */
export const SERVED_HEADER = "x-page-cache";

const GALLERY = /^\/(?:shop\/(\d{1,6}))?$/;
// Headers that make a request something other than a plain page view (RSC payloads, prefetches,
// server actions), and response headers that belong to one response only.
const NEXT_REQUEST = /^(?:rsc|next-|x-middleware|x-nextjs|x-now)/;
const PER_RESPONSE = new Set([SERVED_HEADER, "date", "connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "x-nextjs-cache", "set-cookie", "age"]);

let template: OutgoingHttpHeaders | null = null;

const peekPage = (): Peek | undefined => (globalThis as Record<symbol, Peek | undefined>)[Symbol.for("merchloop.peekPage")];

/** The path of the gallery page this request views (`/` is `/shop/1`), or null when it is not a plain gallery view. */
export function galleryKey(req: IncomingMessage): string | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const m = GALLERY.exec(req.url ?? "");
  if (!m) return null;
  if (m[1] === "1") return null; // /shop/1 is a redirect to /
  for (const h of Object.keys(req.headers)) if (NEXT_REQUEST.test(h)) return null;
  if (req.headers.cookie?.includes("__prerender_bypass")) return null; // draft mode skips the cache
  return m[1] ? `/shop/${m[1]}` : "/shop/1";
}

const acceptsGzip = (req: IncomingMessage) => {
  const ae = req.headers["accept-encoding"];
  return typeof ae === "string" && /\bgzip\b(?!\s*;\s*q=0(?:\.0*)?\b)/.test(ae);
};

/**
 * Serves the request from the page cache and returns true, or returns false (and writes nothing)
 * when Next must answer it.
 */
export async function servePageFromCache(req: IncomingMessage, res: ServerResponse, key: string): Promise<boolean> {
  const peek = peekPage();
  if (!template || !peek) return false;
  const entry = await peek(key, "/shop/1"); // every gallery page is the route of /shop/1
  if (!entry) return false;
  const gzip = acceptsGzip(req);
  // Compressed once per record and process: the record is replaced when the page is rendered again.
  const body = gzip ? (entry.gz ??= gzipSync(entry.body)) : entry.body;
  res.writeHead(200, {
    ...template,
    "x-nextjs-cache": "HIT",
    [SERVED_HEADER]: "HIT",
    ...(gzip ? { "content-encoding": "gzip" } : {}),
    "content-length": body.length,
  });
  res.end(req.method === "HEAD" ? undefined : body);
  return true;
}

// A gallery request that reaches Next is mostly a render (~45 ms of CPU, and its React tree and
// payloads held until it is written). After a deploy or a publish, 50 shoppers at once made 25
// renders interleave in each process and its peak memory passed 400 MB (bench/edge.ts warm-up); the
// CPU does no more work at once either way. So each process renders a few at a time, the rest wait.
const RENDERS_AT_ONCE = 4;
let rendering = 0;
const waiting: Array<() => void> = [];

/** Runs `render` (Next answering a gallery request) when a slot is free; the slot frees when the response ends. */
export function inRenderSlot(res: ServerResponse, render: () => unknown) {
  const start = () => {
    // A shopper who left while waiting has no response to render into (and its "close" has passed).
    if (res.closed || res.destroyed) return void waiting.shift()?.();
    rendering += 1;
    let freed = false;
    const free = () => {
      if (freed) return;
      freed = true;
      rendering -= 1;
      waiting.shift()?.();
    };
    res.once("close", free);
    res.once("finish", free);
    try {
      void render();
    } catch {
      free();
    }
  };
  if (rendering < RENDERS_AT_ONCE) start();
  else waiting.push(start);
}

/** Keeps the headers of Next's cache HIT for a gallery page, the template for servePageFromCache. */
export function learnHeaders(res: ServerResponse) {
  res.once("finish", () => {
    if (res.statusCode !== 200 || res.getHeader("x-nextjs-cache") !== "HIT" || res.hasHeader("set-cookie")) return;
    const headers: OutgoingHttpHeaders = {};
    for (const [k, v] of Object.entries(res.getHeaders())) if (!PER_RESPONSE.has(k) && v !== undefined) headers[k] = v;
    if (!String(headers["content-type"] ?? "").startsWith("text/html")) return;
    const vary = String(headers.vary ?? "");
    if (!/accept-encoding/i.test(vary)) headers.vary = vary ? `${vary}, Accept-Encoding` : "Accept-Encoding";
    template = headers;
  });
}
