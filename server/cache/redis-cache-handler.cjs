// Next.js cache handler on Redis (next.config.ts `cacheHandler`), written against the interface
// documented at nextjs.org/docs/app/api-reference/config/next-config-js/incrementalCacheHandlerPath:
// get / set / revalidateTag / resetRequestCache. Every web process shares one cache, so a page rendered
// by one is served by all, and a tag revalidated anywhere — by Next, or by a worker that writes the
// tag's time (server/services/store/storefront-changed.ts) — makes every process render it afresh.
//
// Plain CommonJS because Next loads it by path at run time, outside the TypeScript build; for the
// same reason it reads REDIS_URL and QUEUE_PREFIX from process.env itself.
//
// Keys: <prefix>:next-cache:<buildId>:<cacheKey> holds an entry; <prefix>:next-cache:tags is a hash
// tag → last revalidation (ms). An entry not newer than its tags' times (plus a margin) is a miss.
// When Redis is unreachable the cache is simply empty: pages render live instead of failing.
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const { Redis } = require("ioredis");

const prefix = () => `${process.env.QUEUE_PREFIX || "merchloop"}:next-cache`;
const tagsKey = () => `${prefix()}:tags`;
const DEFAULT_TTL_S = 24 * 3600;
// A render that began before a revalidation may finish just after it with the old data; entries
// written within this margin after a tag's revalidation count as stale too.
const RENDER_MARGIN_MS = 3_000;

// One set of per-process state however many times this file is loaded: Next may load it both with
// require() and with import(), and under a loader such as tsx's those are two module instances.
const state = (globalThis[Symbol.for("merchloop.redisCacheHandler.state")] ??= {});

function redis() {
  if (!state.client) {
    state.client = new Redis(process.env.REDIS_URL || "redis://127.0.0.1:6379", {
      maxRetriesPerRequest: 1,
      commandTimeout: 500, // while Redis is down a page renders live instead of waiting
      connectTimeout: 1_000,
      lazyConnect: false,
    });
    state.client.on("error", () => undefined);
  }
  return state.client;
}

// Entries hold Buffers (RSC payloads) and Maps (segment data): JSON with tagged values.
const encode = (v) => {
  if (Buffer.isBuffer(v)) return { $b: v.toString("base64") };
  if (v instanceof Map) return { $m: [...v].map(([k, x]) => [k, encode(x)]) };
  if (Array.isArray(v)) return v.map(encode);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, encode(x)]));
  return v;
};
const decode = (v) => {
  if (Array.isArray(v)) return v.map(decode);
  if (v && typeof v === "object") {
    if (typeof v.$b === "string") return Buffer.from(v.$b, "base64");
    if (Array.isArray(v.$m)) return new Map(v.$m.map(([k, x]) => [k, decode(x)]));
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decode(x)]));
  }
  return v;
};

function entryTags(data, ctx) {
  const fromHeader = data && data.headers && data.headers["x-next-cache-tags"];
  const tags = [...((ctx && ctx.tags) || []), ...(typeof fromHeader === "string" ? fromHeader.split(",") : [])];
  return [...new Set(tags.filter(Boolean))];
}

// Each process keeps the entries it last used, decoded, up to LOCAL_CACHE_MB (default 64): a cached
// page is ~190 KB of JSON in Redis (HTML, and the RSC payload twice, base64), and fetching and
// decoding it on every request was most of a hit's cost (bench/edge.ts profile). The copy is never
// trusted alone: every hit still checks the shared tag times in Redis (see get), so a publish is seen
// by every process at once. Pages are the only entries, so a small LRU by size is enough.
class LocalEntries {
  constructor(maxBytes) {
    this.max = maxBytes;
    this.bytes = 0;
    this.map = new Map();
  }
  get(key) {
    const e = this.map.get(key);
    if (!e) return undefined;
    this.map.delete(key); // most recently used last
    this.map.set(key, e);
    return e;
  }
  set(key, e) {
    this.delete(key);
    if (e.bytes > this.max) return;
    this.map.set(key, e);
    this.bytes += e.bytes;
    for (const [k, old] of this.map) {
      if (this.bytes <= this.max) break;
      this.map.delete(k);
      this.bytes -= old.bytes;
    }
  }
  delete(key) {
    const e = this.map.get(key);
    if (!e) return;
    this.map.delete(key);
    this.bytes -= e.bytes;
  }
}
const local = (state.local ??= new LocalEntries(Math.max(0, Number(process.env.LOCAL_CACHE_MB || 64)) * 2 ** 20));

// Next constructs a handler for every request (each gets its own IncrementalCache), so the build id
// is read from disk once per process, not per request.
const buildIds = (state.buildIds ??= new Map());
function buildIdOf(serverDistDir) {
  let id = buildIds.get(serverDistDir);
  if (id === undefined) {
    try {
      id = readFileSync(join(serverDistDir, "..", "BUILD_ID"), "utf8").trim();
    } catch {
      id = "dev"; // dev server or no build yet
    }
    buildIds.set(serverDistDir, id);
  }
  return id;
}

/** True when one of the tags was revalidated after (or just before) the entry was rendered. */
async function invalidated(entry, tags) {
  if (!tags.length) return false;
  const times = await redis().hmget(tagsKey(), ...tags);
  return times.some((t) => t && Number(t) + RENDER_MARGIN_MS >= entry.lastModified);
}


// Next keys a page's entry by its route and path ("/route-cache/APP_PAGE/<sha256 of the route>/$/shop/3").
// The web server knows only the path; the handler learns each route's key prefix from the keys Next
// gets and sets, so a path of the same route as one seen before has a known key.
const PAGE_KEY = /^(\/route-cache\/APP_PAGE\/[0-9a-f]+\/\$)(\/.*)$/;
const routePrefixes = (state.routePrefixes ??= new Map()); // path seen → its route's key prefix
function notePage(cacheKey) {
  const m = PAGE_KEY.exec(cacheKey);
  if (m && routePrefixes.size < 10_000) routePrefixes.set(m[2], m[1]);
}

// Beside each whole-page entry, a page record holds just what serving the HTML needs: the HTML, when
// it was rendered, its tags (Next's implicit path and layout tags included) and its revalidate
// period — ~44 KB of one JSON string instead of ~190 KB of entry to decode. Kept per process in a
// small LRU as well, with the HTML as the bytes to send (`body`; the web server adds its gzip, ~1/9 of
// that), and, like the entries, never trusted without the shared tag check.
const pageRecordKey = (entryKey) => `${entryKey}#page`;
const pages = (state.pages ??= new LocalEntries(Math.max(0, Number(process.env.LOCAL_PAGE_CACHE_MB || 24)) * 2 ** 20));
function pageRecord(data, lastModified, tags, cacheControl) {
  if (!data || data.kind !== "APP_PAGE" || typeof data.html !== "string" || (data.status ?? 200) !== 200 || data.postponed) return null;
  const revalidate = cacheControl && cacheControl.revalidate;
  if (typeof revalidate !== "number") return null;
  return { lastModified, tags, revalidate, html: data.html };
}

/** This process's copy of a page record: the HTML encoded once, counted by its bytes. */
function localPage({ html, ...rest }) {
  const body = Buffer.from(html);
  return { ...rest, body, bytes: body.length };
}

async function freshPage(record) {
  if (Date.now() >= record.lastModified + record.revalidate * 1000) return false; // Next revalidates it
  return !(await invalidated(record, record.tags));
}

/**
 * A rendered HTML page the web server may send without Next (scripts/web.ts →
 * server/http/page-cache.ts), or null. `sameRouteAs` is a path of the same route that Next has
 * served in this process (how the storage key is known). The page is served only when the check
 * Next's own `get` would make is all there is to it: a stored 200 HTML page, not partially
 * prerendered, inside its revalidate period, none of its tags revalidated since it was rendered.
 * Anything else (never rendered, stale, revalidated, Redis down) is null, and Next serves the
 * request as usual: it renders, revalidates in the background or serves stale, and fills the cache.
 */
async function peekPage(path, sameRouteAs) {
  const prefix = routePrefixes.get(path) || routePrefixes.get(sameRouteAs);
  // state.entryPrefix: this process's build, known once Next has made a handler.
  if (!state.entryPrefix || !prefix) return null;
  const key = pageRecordKey(state.entryPrefix + prefix + path);
  try {
    const mine = pages.get(key);
    if (mine && (await freshPage(mine))) return mine;
    // Not here, or another process has rendered it since: the shared record may be newer.
    const raw = await redis().get(key);
    if (!raw) return null;
    const record = localPage(JSON.parse(raw));
    if (mine && record.lastModified <= mine.lastModified) return null;
    pages.set(key, record);
    return (await freshPage(record)) ? record : null;
  } catch {
    return null;
  }
}
// On globalThis so the web server finds the instance Next loaded (Next imports this file by path).
globalThis[Symbol.for("merchloop.peekPage")] = peekPage;

class RedisCacheHandler {
  constructor(ctx) {
    // A new build never serves pages rendered by the previous one.
    this.entryPrefix = `${prefix()}:${buildIdOf(ctx.serverDistDir)}:`;
    state.entryPrefix = this.entryPrefix;
    redis(); // connect now, not on the first request
  }

  async get(cacheKey, ctx) {
    try {
      const key = this.entryPrefix + cacheKey;
      let entry = local.get(key);
      if (!entry) {
        const raw = await redis().get(key);
        if (!raw) return null;
        const stored = JSON.parse(raw);
        entry = { lastModified: stored.lastModified, tags: stored.tags, value: decode(stored.value), cacheControl: stored.cacheControl, bytes: raw.length };
        local.set(key, entry);
      }
      // Every hit, from Redis or from this process's copy, is checked against the shared tag times:
      // a publish anywhere makes the page a miss in every process at once.
      if (await invalidated(entry, [...entry.tags, ...((ctx && ctx.softTags) || [])])) {
        local.delete(key);
        return null;
      }
      notePage(cacheKey);
      return { lastModified: entry.lastModified, value: entry.value, cacheControl: entry.cacheControl };
    } catch {
      return null;
    }
  }

  async set(cacheKey, data, ctx) {
    // A 404 (a shop page past the last, an unknown product) is not kept: any number of such URLs
    // could be asked for, and each would take ~40 KB of Redis.
    if (data && data.status === 404) return;
    try {
      const cacheControl = ctx && ctx.cacheControl;
      const expire = cacheControl && Number.isFinite(cacheControl.expire) ? cacheControl.expire : DEFAULT_TTL_S;
      const entry = { lastModified: Date.now(), tags: entryTags(data, ctx), value: encode(data), cacheControl };
      const raw = JSON.stringify(entry);
      const key = this.entryPrefix + cacheKey;
      const ttl = Math.max(60, Math.min(expire, DEFAULT_TTL_S));
      const page = pageRecord(data, entry.lastModified, entry.tags, cacheControl);
      const write = redis().multi().set(key, raw, "EX", ttl);
      if (page) write.set(pageRecordKey(key), JSON.stringify(page), "EX", ttl);
      await write.exec();
      local.set(key, { lastModified: entry.lastModified, tags: entry.tags, value: data, cacheControl, bytes: raw.length });
      if (page) {
        pages.set(pageRecordKey(key), localPage(page));
        notePage(cacheKey);
      }
    } catch {
      /* no cache while Redis is down */
    }
  }

  async revalidateTag(tags) {
    const list = [tags].flat().filter(Boolean);
    if (!list.length) return;
    const now = Date.now();
    await redis()
      .hset(tagsKey(), Object.fromEntries(list.map((t) => [t, now])))
      .catch(() => undefined);
  }

  resetRequestCache() {}
}

module.exports = RedisCacheHandler;
