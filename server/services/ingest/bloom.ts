import { createHash } from "node:crypto";
import type { Redis } from "ioredis";
import { queuePrefix, redis } from "../../queues/connection";

// A classic Bloom filter on a Redis bitmap, in front of the signals' unique content hash.
// "Definitely not seen" items go straight to insert; "maybe seen" ones are checked in the DB.
// No false negatives: every added item's k bits are set, so it always answers "maybe".
// k indexes come from double hashing one sha256: index_i = (h1 + i·h2) mod m.

export type BloomSize = { bits: number; hashes: number };

/** Optimal size for `n` items at false-positive rate `p`. 1M items at 1% → ~9.59M bits (1.2 MB), 7 hashes. */
export function bloomSize(n: number, p: number): BloomSize {
  const bits = Math.ceil((-n * Math.log(p)) / Math.LN2 ** 2);
  const hashes = Math.max(1, Math.round((bits / n) * Math.LN2));
  return { bits, hashes };
}

export function bloomIndexes(item: string, { bits, hashes }: BloomSize): number[] {
  const d = createHash("sha256").update(item).digest();
  const h1 = d.readUInt32BE(0) * 2 ** 16 + d.readUInt16BE(4); // 48 bits
  const h2 = (d.readUInt32BE(8) * 2 ** 16 + d.readUInt16BE(12)) | 1; // odd, 48 bits
  const out: number[] = [];
  for (let i = 0; i < hashes; i++) out.push((h1 + ((i * h2) % bits)) % bits);
  return out;
}

/** Items per BITFIELD command (× k bits each), so no single command holds Redis for long. */
const ITEMS_PER_COMMAND = 256;

export class RedisBloom {
  constructor(
    private readonly client: Redis,
    readonly key: string,
    readonly size: BloomSize,
  ) {}

  /**
   * For each item: false = definitely never added; true = maybe added. One round trip: a BITFIELD
   * GET u1 per bit (the same bits GETBIT reads), a few hundred items per command.
   */
  async mightContain(items: string[]): Promise<boolean[]> {
    if (!items.length) return [];
    const bits = await this.bitfield(items, (i) => ["GET", "u1", i]);
    const k = this.size.hashes;
    return items.map((_, n) => {
      for (let j = n * k; j < n * k + k; j++) if (bits[j] !== 1) return false;
      return true;
    });
  }

  /** Set every item's bits (BITFIELD SET u1 … 1, the same bits SETBIT sets). One round trip. */
  async add(items: string[]): Promise<void> {
    if (!items.length) return;
    await this.bitfield(items, (i) => ["SET", "u1", i, 1]);
  }

  /** One BITFIELD command per ITEMS_PER_COMMAND items, all in one pipeline; the replies in order. */
  private async bitfield(items: string[], op: (bit: number) => Array<string | number>): Promise<number[]> {
    const p = this.client.pipeline();
    for (let start = 0; start < items.length; start += ITEMS_PER_COMMAND) {
      const args: Array<string | number> = [];
      for (const it of items.slice(start, start + ITEMS_PER_COMMAND)) for (const i of bloomIndexes(it, this.size)) args.push(...op(i));
      p.call("BITFIELD", this.key, ...args);
    }
    const out: number[] = [];
    for (const [err, v] of (await p.exec()) ?? []) {
      if (err) throw err;
      out.push(...(v as number[]));
    }
    return out;
  }

  async clear() {
    await this.client.del(this.key);
  }
}

export const SIGNAL_BLOOM_SIZE = bloomSize(1_000_000, 0.01);

/** The filter in front of Signal.contentHash, under this process's queue prefix. */
export function signalBloom(): RedisBloom {
  return new RedisBloom(redis(), `${queuePrefix()}:bloom:signals`, SIGNAL_BLOOM_SIZE);
}
