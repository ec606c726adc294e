import { randomBytes } from "node:crypto";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { env, type Env } from "../../env";
import { AppError } from "../../errors";
import { clientIp } from "../../http/client-ip";
import { log } from "../../log";
import { queuePrefix, redis } from "../../queues/connection";

// Throttling, shared by every web process through Redis (rate-limiter-flexible's RateLimiterRedis):
// a limit holds however many processes serve the app. Every limit answers 429 with Retry-After.
// If Redis does not answer, requests are let through and a warning is logged: the app needs Redis
// for everything else anyway, and /api/ready reports it.

export type LimitName = "api" | "create" | "signinAccount" | "signinIp";

const MINUTE = 60;
const specs = (e: Env): Record<LimitName, { points: number; duration: number }> => ({
  /** Public API per client IP: /api/commissions*, tRPC, and any route wrapped with withRateLimit. */
  api: { points: e.RATE_LIMIT_API_PER_IP, duration: MINUTE },
  /** Commission and donation creation per client IP. */
  create: { points: e.RATE_LIMIT_CREATE_PER_IP, duration: 10 * MINUTE },
  /** Failed sign-ins per account (email) and per IP. */
  signinAccount: { points: e.RATE_LIMIT_SIGNIN_PER_ACCOUNT, duration: 15 * MINUTE },
  signinIp: { points: e.RATE_LIMIT_SIGNIN_PER_IP, duration: 15 * MINUTE },
});

let built: { key: string; limiters: Record<LimitName, RateLimiterRedis> } | undefined;

function limiter(name: LimitName): RateLimiterRedis {
  const e = env();
  const s = specs(e);
  const key = `${queuePrefix()}|${JSON.stringify(s)}`;
  if (built?.key !== key) {
    const make = (n: LimitName) => new RateLimiterRedis({ storeClient: redis(), keyPrefix: `${queuePrefix()}:rl:${n}`, ...s[n] });
    built = { key, limiters: { api: make("api"), create: make("create"), signinAccount: make("signinAccount"), signinIp: make("signinIp") } };
  }
  return built.limiters[name];
}

export class RateLimitedError extends AppError {
  constructor(public retryAfterSeconds: number) {
    super("TOO_MANY_REQUESTS", `Too many requests. Try again in ${retryAfterSeconds} s.`, { retryAfterSeconds });
  }
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** 429 with Retry-After, in the app's error shape. */
export function tooManyRequests(retryAfterSeconds: number): Response {
  return Response.json(
    { error: { code: "TOO_MANY_REQUESTS", message: `Too many requests. Try again in ${retryAfterSeconds} s.` } },
    { status: 429, headers: { "retry-after": String(retryAfterSeconds), "cache-control": "no-store" } },
  );
}

/** Takes one point from `name` for `key`; throws RateLimitedError when the limit is spent. */
export async function consume(name: LimitName, key: string, points = 1): Promise<void> {
  try {
    await limiter(name).consume(key, points);
  } catch (err) {
    if (err instanceof RateLimiterRes) throw new RateLimitedError(seconds(err.msBeforeNext));
    log.warn({ err: err instanceof Error ? err.message : String(err), limit: name }, "rate limiter unavailable; request let through");
  }
}

/** Seconds until `key` may try again when `name` is already spent, else null (nothing consumed). */
export async function blockedFor(name: LimitName, key: string): Promise<number | null> {
  try {
    const res = await limiter(name).get(key);
    return res && res.consumedPoints >= specs(env())[name].points ? seconds(res.msBeforeNext) : null;
  } catch (err) {
    log.warn({ err: err instanceof Error ? err.message : String(err), limit: name }, "rate limiter unavailable; request let through");
    return null;
  }
}

/**
 * For route handlers, one call: consumes `names` (default the public API limit) for the request's
 * client IP and returns the 429 to send, or null to go on.
 *   const limited = await rateLimit(req); if (limited) return limited;
 */
export async function rateLimit(req: Request, ...names: LimitName[]): Promise<Response | null> {
  const ip = clientIp(req.headers);
  try {
    for (const name of names.length ? names : (["api"] as const)) await consume(name, ip);
    return null;
  } catch (e) {
    if (e instanceof RateLimitedError) return tooManyRequests(e.retryAfterSeconds);
    throw e;
  }
}

/** Wraps a route handler with rateLimit: `export const GET = withRateLimit(async (req) => …)`. */
export function withRateLimit<A extends unknown[]>(handler: (req: Request, ...rest: A) => Promise<Response> | Response, ...names: LimitName[]) {
  return async (req: Request, ...rest: A): Promise<Response> => (await rateLimit(req, ...names)) ?? handler(req, ...rest);
}

// ── Sign-in: failures count per account and per IP ─────────────────────────────────────────────

const accountKey = (email: string) => email.trim().toLowerCase();

/** Seconds to wait when this account or IP has too many failed sign-ins, else null. */
export async function signInBlockedFor(email: string, ip: string): Promise<number | null> {
  const [a, i] = await Promise.all([blockedFor("signinAccount", accountKey(email)), blockedFor("signinIp", ip)]);
  return a === null && i === null ? null : Math.max(a ?? 0, i ?? 0);
}

/** Counts a failed sign-in against the account and the IP (never throws). */
export async function recordFailedSignIn(email: string, ip: string): Promise<void> {
  await Promise.all([consume("signinAccount", accountKey(email)).catch(() => undefined), consume("signinIp", ip).catch(() => undefined)]);
}

// ── Server-sent event streams: concurrent streams per token and per IP ───────────────────────────

/** A stream's slot outlives the longest stream, so a crashed process's slots free themselves. */
const SLOT_TTL_MS = 11 * 60_000;

// One sorted set per key: members are open streams, scores their expiry. Atomic: drop expired,
// refuse when full, else add.
const OPEN_SLOT = `
local now = tonumber(ARGV[1])
for i, key in ipairs(KEYS) do
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now)
  if redis.call('ZCARD', key) >= tonumber(ARGV[3 + i]) then return i end
end
for i, key in ipairs(KEYS) do
  redis.call('ZADD', key, now + tonumber(ARGV[2]), ARGV[3])
  redis.call('PEXPIRE', key, tonumber(ARGV[2]))
end
return 0`;

export type StreamSlot = { release: () => Promise<void> };

/**
 * Opens a stream slot for a commission token and client IP (RATE_LIMIT_SSE_PER_TOKEN /
 * RATE_LIMIT_SSE_PER_IP concurrent streams). Returns the slot, or the 429 to send.
 */
export async function openStreamSlot(token: string, ip: string): Promise<StreamSlot | Response> {
  const e = env();
  const keys = [`${queuePrefix()}:sse:token:${token}`, `${queuePrefix()}:sse:ip:${ip}`];
  const id = randomBytes(8).toString("hex");
  try {
    const full = Number(await redis().eval(OPEN_SLOT, keys.length, ...keys, Date.now(), SLOT_TTL_MS, id, e.RATE_LIMIT_SSE_PER_TOKEN, e.RATE_LIMIT_SSE_PER_IP));
    if (full) return tooManyRequests(5);
  } catch (err) {
    log.warn({ err: err instanceof Error ? err.message : String(err) }, "stream limiter unavailable; stream let through");
    return { release: async () => undefined };
  }
  let released = false;
  return {
    release: async () => {
      if (released) return;
      released = true;
      await Promise.all(keys.map((k) => redis().zrem(k, id))).catch(() => undefined);
    },
  };
}
