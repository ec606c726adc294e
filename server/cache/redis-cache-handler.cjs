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

let client;
function redis() {
  if (!client) {
    client = new Redis(process.env.REDIS_URL || "redis://127.0.0.1:6379", {
      maxRetriesPerRequest: 1,
      commandTimeout: 500, // while Redis is down a page renders live instead of waiting
      connectTimeout: 1_000,
      lazyConnect: false,
    });
    client.on("error", () => undefined);
  }
  return client;
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

// Next constructs a handler for every request (each gets its own IncrementalCache), so the build id
// is read from disk once per process, not per request.
const buildIds = new Map();
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

class RedisCacheHandler {
  constructor(ctx) {
    // A new build never serves pages rendered by the previous one.
    this.entryPrefix = `${prefix()}:${buildIdOf(ctx.serverDistDir)}:`;
    redis(); // connect now, not on the first request
  }

  async get(cacheKey, ctx) {
    try {
      const raw = await redis().get(this.entryPrefix + cacheKey);
      if (!raw) return null;
      const entry = JSON.parse(raw);
      const tags = [...entry.tags, ...((ctx && ctx.softTags) || [])];
      if (tags.length) {
        const times = await redis().hmget(tagsKey(), ...tags);
        if (times.some((t) => t && Number(t) + RENDER_MARGIN_MS >= entry.lastModified)) return null;
      }
      return { lastModified: entry.lastModified, value: decode(entry.value), cacheControl: entry.cacheControl };
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
      await redis().set(this.entryPrefix + cacheKey, JSON.stringify(entry), "EX", Math.max(60, Math.min(expire, DEFAULT_TTL_S)));
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
