import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "../../env";
import { AppError } from "../../errors";
import { queuePrefix, redis } from "../../queues/connection";

// Questions per admin per minute, counted in Redis so every web process and the CLI share the limit.

let limiter: { key: string; value: RateLimiterRedis } | null = null;

function get(): RateLimiterRedis {
  const points = env().ASK_RATE_LIMIT_PER_MINUTE;
  const key = `${queuePrefix()}:${points}`;
  if (limiter?.key !== key) {
    limiter = { key, value: new RateLimiterRedis({ storeClient: redis(), keyPrefix: `${queuePrefix()}:ask-rate`, points, duration: 60 }) };
  }
  return limiter.value;
}

/** Count one question for this admin; throws TOO_MANY_REQUESTS when over the limit. */
export async function takeAskToken(actorKey: string): Promise<void> {
  try {
    await get().consume(actorKey, 1);
  } catch (e) {
    if (e instanceof RateLimiterRes) {
      const wait = Math.ceil(e.msBeforeNext / 1000);
      throw new AppError("TOO_MANY_REQUESTS", `Too many questions: at most ${env().ASK_RATE_LIMIT_PER_MINUTE} a minute. Try again in ${wait} s.`, { retryAfterSeconds: wait });
    }
    throw e;
  }
}
