import { randomFillSync } from "node:crypto";

// Row ids made in the process for raw multi-row INSERTs (Prisma makes its own for its writes).

const pool = Buffer.alloc(8 * 512);
let used = pool.length;
let counter = 0;

/** 8 random bytes from a pooled buffer: one randomFillSync per 512 ids instead of one per id. */
function random64(): bigint {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const v = pool.readBigUInt64BE(used);
  used += 8;
  return v;
}

/** A collision-resistant cuid-style id (c + time + counter + random), like Prisma's @default(cuid()). */
export function cuidish() {
  counter = (counter + 1) % 1_679_616;
  return `c${Date.now().toString(36)}${counter.toString(36).padStart(4, "0")}${random64().toString(36).slice(0, 12).padStart(12, "0")}`;
}
