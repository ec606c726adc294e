import { PrismaClient } from "@prisma/client";
import pg from "pg";
import { makeAdapter, pgConfig } from "./db-adapter";
import { env } from "./env";

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
  g.__merchloopPg ??= new pg.Pool(pgConfig(env().DATABASE_URL, 5));
  return g.__merchloopPg;
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
