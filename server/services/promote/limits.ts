import type { SocialPlatform } from "@prisma/client";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { queuePrefix, redis } from "../../queues/connection";

// Post budgets kept in Redis by rate-limiter-flexible (one atomic Lua step per consume), so every
// worker process draws from the same buckets: per account, per platform and per brand, each N posts
// per hour. A post takes one token from all three or from none (tokens already taken are given back).

export const PLATFORM_POSTS_PER_HOUR: Record<SocialPlatform, number> = { REDDIT: 60, BLUESKY: 600, MASTODON: 300, OUTBOX: 100_000 };

const limiters = new Map<string, RateLimiterRedis>();

function limiter(scope: string, points: number, durationSec: number) {
  const key = `${scope}:${points}:${durationSec}`;
  let l = limiters.get(key);
  if (!l) {
    l = new RateLimiterRedis({ storeClient: redis(), keyPrefix: `${queuePrefix()}:promo:${scope}:${points}`, points, duration: durationSec });
    limiters.set(key, l);
  }
  return l;
}

export type Bucket = { scope: "account" | "platform" | "brand"; key: string; perHour: number };

export const bucketsFor = (a: { id: string; platform: SocialPlatform; brandId: string; postsPerHour: number; brand: { postsPerHour: number } }): Bucket[] => [
  { scope: "account", key: a.id, perHour: a.postsPerHour },
  { scope: "platform", key: a.platform, perHour: PLATFORM_POSTS_PER_HOUR[a.platform] },
  { scope: "brand", key: a.brandId, perHour: a.brand.postsPerHour },
];

/** Takes one token from every bucket, or none: then says which bucket is empty and when it refills. */
export async function takePostToken(buckets: Bucket[], durationSec = 3600): Promise<{ ok: true } | { ok: false; scope: Bucket["scope"]; retryAt: Date }> {
  const taken: Bucket[] = [];
  for (const b of buckets) {
    if (b.perHour <= 0) return { ok: false, scope: b.scope, retryAt: new Date(Date.now() + durationSec * 1000) };
    try {
      await limiter(b.scope, b.perHour, durationSec).consume(b.key, 1);
      taken.push(b);
    } catch (e) {
      await Promise.all(taken.map((t) => limiter(t.scope, t.perHour, durationSec).reward(t.key, 1)));
      if (e instanceof RateLimiterRes) return { ok: false, scope: b.scope, retryAt: new Date(Date.now() + e.msBeforeNext + 50) };
      throw e;
    }
  }
  return { ok: true };
}
