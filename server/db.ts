import { PrismaClient } from "@prisma/client";
import pg from "pg";
import { makeAdapter, pgConfig } from "./db-adapter";
import { env } from "./env";
import { log } from "./log";

// One Prisma client per process (survives Next's dev reloads).
const g = globalThis as unknown as { __merchloopDb?: PrismaClient; __merchloopPg?: pg.Pool };

export function createDb(url = env().DATABASE_URL, max = 10) {
  return new PrismaClient({ adapter: makeAdapter(url, max) });
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_t, prop) {
    g.__merchloopDb ??= createDb();
    const v = Reflect.get(g.__merchloopDb, prop);
    return typeof v === "function" ? v.bind(g.__merchloopDb) : v;
  },
});

/**
 * A plain pg pool for the few hot statements where Prisma's per-query overhead dominates (the
 * Stripe webhook's one insert). Everything else goes through `db`.
 */
export function pgPool(): pg.Pool {
  if (!g.__merchloopPg) {
    const pool = new pg.Pool(pgConfig(env().DATABASE_URL, 5));
    // An idle connection that Postgres ends (a restart, an admin's pg_terminate_backend) is reported
    // here; without a listener it was an uncaught exception. The pool drops it and connects anew.
    pool.on("error", (err) => log.warn({ err: err.message }, "idle postgres connection closed"));
    g.__merchloopPg = pool;
  }
  return g.__merchloopPg;
}

/**
 * Keeps `min` connections of pgPool open from now on, and opens them. For a long-running server whose
 * hot path must not pay for a connection after a quiet spell: the pool closes idle connections after
 * 10 s, and opening one while the box is busy took 70–140 ms (bench/edge.ts, webhook burst).
 */
export async function keepPgConnectionsOpen(min: number) {
  const pool = pgPool();
  pool.options.min = Math.min(min, pool.options.max);
  const clients = await Promise.all(Array.from({ length: pool.options.min }, () => pool.connect()));
  for (const c of clients) c.release();
}

export async function disconnectDb() {
  if (g.__merchloopPg) {
    const p = g.__merchloopPg;
    g.__merchloopPg = undefined;
    await p.end();
  }
  if (g.__merchloopDb) {
    await g.__merchloopDb.$disconnect();
    g.__merchloopDb = undefined;
  }
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
