import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";

// Postgres catalog types that @prisma/adapter-pg 6.19 cannot deserialize (prisma/orm#27403).
// The wasm schema engine reads the catalog during `migrate deploy`; we report those columns as
// text / text[] so migrations run offline. Our own tables never use these types.
const AS_TEXT = new Set([18, 19]); // "char", name
const AS_TEXT_ARRAY = new Set([1002, 1003]); // "char"[], name[]
const parseTextArray = pg.types.getTypeParser(1009 as never, "text") as (v: string) => string[];

type Field = { dataTypeID: number };
type Result = { fields?: Field[]; rows?: unknown[][] };

function patch(result: Result): Result {
  if (!result?.fields) return result;
  result.fields.forEach((field, i) => {
    if (AS_TEXT.has(field.dataTypeID)) field.dataTypeID = 25;
    else if (AS_TEXT_ARRAY.has(field.dataTypeID)) {
      field.dataTypeID = 1009;
      for (const row of result.rows ?? []) {
        if (Array.isArray(row) && typeof row[i] === "string") row[i] = parseTextArray(row[i] as string);
      }
    }
  });
  return result;
}

/** Counts statements sent by this process; tests use it to prove a page is O(1) queries. */
export const statementCounter = { count: 0 };

export class CatalogSafeClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(...args: any[]): any {
    // pg.Pool calls client.query with a callback; direct callers get a promise. Patch both.
    statementCounter.count++;
    const last = args[args.length - 1];
    if (typeof last === "function") {
      args[args.length - 1] = (err: unknown, res: Result) => last(err, err ? res : patch(res));
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const out = (super.query as any)(...args);
    if (out && typeof out.then === "function") return out.then(patch);
    return out;
  }
}

export function pgConfig(connectionString: string, max = 10): pg.PoolConfig {
  const url = new URL(connectionString);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username || "postgres"),
    password: url.password ? decodeURIComponent(url.password) : undefined,
    database: decodeURIComponent(url.pathname.replace(/^\//, "")) || "postgres",
    max,
    idleTimeoutMillis: 10_000,
    connectionTimeoutMillis: 4_000,
    Client: CatalogSafeClient,
  } as pg.PoolConfig;
}

type ScriptRunner = { executeScript(script: string): Promise<void>; client: pg.Pool | pg.Client; onError(e: unknown): never };

/**
 * adapter-pg 6.19's executeScript splits a migration on every ";", also inside function bodies and
 * string literals, so a migration with a plpgsql function fails. Send each script whole instead:
 * Postgres runs a multi-statement simple query as one implicit transaction (all or nothing).
 */
function wholeScripts<T extends object>(adapter: T): T {
  const a = adapter as unknown as ScriptRunner;
  a.executeScript = async (script: string) => {
    try {
      await a.client.query(script);
    } catch (e) {
      a.onError(e);
    }
  };
  return adapter;
}

class MigratingPrismaPg extends PrismaPg {
  async connect() {
    return wholeScripts(await super.connect());
  }
}

export function makeAdapter(connectionString: string, max = 10) {
  return new MigratingPrismaPg(pgConfig(connectionString, max));
}
