import { randomUUID } from "node:crypto";
import { queuePrefix, redis } from "../../queues/connection";

const TTL_MS = 15 * 60_000;

/** Runs `fn` unless another scoring run holds the lock; returns undefined when skipped. */
export async function withScoringLock<T>(fn: () => Promise<T>): Promise<T | undefined> {
  const key = `${queuePrefix()}:lock:score`;
  const token = randomUUID();
  const ok = await redis().set(key, token, "PX", TTL_MS, "NX");
  if (ok !== "OK") return undefined;
  try {
    return await fn();
  } finally {
    await redis().eval(`if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`, 1, key, token);
  }
}
