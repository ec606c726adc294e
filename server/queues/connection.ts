import { Redis, type RedisOptions } from "ioredis";
import { Queue } from "bullmq";
import { env } from "../env";
import type { QueueName } from "./contracts";

const g = globalThis as unknown as { __mlRedis?: Redis; __mlQueues?: Map<string, Queue> };

/** A new ioredis connection (BullMQ workers need their own, with maxRetriesPerRequest null). */
export function createRedis(opts: RedisOptions = {}) {
  return new Redis(env().REDIS_URL, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false, ...opts });
}

/** Shared connection for commands (bloom filter, heartbeat, status). */
export function redis(): Redis {
  g.__mlRedis ??= createRedis({ maxRetriesPerRequest: 2, connectTimeout: 3_000 });
  return g.__mlRedis;
}

export const queuePrefix = () => env().QUEUE_PREFIX;

export function queue(name: QueueName): Queue {
  g.__mlQueues ??= new Map();
  let q = g.__mlQueues.get(name);
  if (!q) {
    const created = new Queue(name, { connection: redis(), prefix: queuePrefix() });
    // BullMQ readies a Queue once (Redis version check, scripts) and keeps that promise. A Queue first
    // used while Redis was unreachable failed every later call for the life of the process, long after
    // Redis was back (tests/scale-faults.int.test.ts: every payment job's commission add). Forget it
    // instead: the next call makes a new one on the reconnected client.
    created.waitUntilReady().catch(() => {
      if (g.__mlQueues?.get(name) === created) g.__mlQueues.delete(name);
      void created.close().catch(() => undefined);
    });
    g.__mlQueues.set(name, created);
    q = created;
  }
  return q;
}

export async function closeQueues() {
  const qs = [...(g.__mlQueues?.values() ?? [])];
  g.__mlQueues = undefined;
  await Promise.allSettled(qs.map((q) => q.close()));
  if (g.__mlRedis) {
    const r = g.__mlRedis;
    g.__mlRedis = undefined;
    await r.quit().catch(() => r.disconnect());
  }
}
