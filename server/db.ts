import { PrismaClient } from "@prisma/client";
import { makeAdapter } from "./db-adapter";
import { env } from "./env";

// One Prisma client per process (survives Next's dev reloads).
const g = globalThis as unknown as { __merchloopDb?: PrismaClient };

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

export async function disconnectDb() {
  if (g.__merchloopDb) {
    await g.__merchloopDb.$disconnect();
    g.__merchloopDb = undefined;
  }
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
