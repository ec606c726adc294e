import { pgPool } from "../../db";
import { env } from "../../env";
import { AppError } from "../../errors";

// The second layer of Ask's defence, which holds on its own (tests call it with the guard off):
// the query runs inside ask_exec.run(), a SECURITY DEFINER function owned by the NOLOGIN role
// merchloop_ask (SELECT on the analytics views, nothing else; Postgres refuses SET ROLE inside it),
// in a READ ONLY transaction with statement, lock and idle timeouts, and at most ASK_MAX_ROWS rows.
// The transaction is always rolled back. See prisma/migrations/*_analytics/migration.sql.

export const ASK_ROLE = "merchloop_ask";

export type QueryResult = { columns: string[]; rows: unknown[][]; rowCount: number; truncated: boolean; durationMs: number };

let roleChecked: Promise<void> | null = null;

/** Refuse to run anything unless the runner really belongs to the read-only role. */
export function assertRoleInstalled(): Promise<void> {
  roleChecked ??= pgPool()
    .query<{ owner: string | null }>(
      `select pg_get_userbyid(p.proowner) as owner from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'ask_exec' and p.proname = 'run'`,
    )
    .then(({ rows }) => {
      if (rows[0]?.owner !== ASK_ROLE) {
        throw new AppError("PRECONDITION_FAILED", `Ask is switched off: the read-only role ${ASK_ROLE} is not installed (see /api/production-readiness for the fix).`);
      }
    });
  roleChecked.catch(() => (roleChecked = null));
  return roleChecked;
}

/** Run one statement as merchloop_ask. No parsing here: this layer is the database's own. */
export async function runAsReadOnlyRole(sql: string, opts: { maxRows?: number; timeoutMs?: number } = {}): Promise<QueryResult> {
  const e = env();
  const maxRows = opts.maxRows ?? e.ASK_MAX_ROWS;
  const timeoutMs = opts.timeoutMs ?? e.ASK_STATEMENT_TIMEOUT_MS;
  await assertRoleInstalled();
  const client = await pgPool().connect();
  const started = performance.now();
  let broken = false;
  try {
    await client.query(
      `begin transaction isolation level repeatable read read only;
       set local statement_timeout = ${Math.round(timeoutMs)};
       set local lock_timeout = 1000;
       set local idle_in_transaction_session_timeout = ${Math.round(timeoutMs) + 5000};
       set local timezone = 'UTC';`,
    );
    // Extended protocol: the SQL travels as a parameter, never spliced into this statement.
    const res = await client.query<{ run: unknown[] }>({ text: "select run from ask_exec.run($1, $2) as run", values: [sql, maxRows] });
    const [header, ...data] = res.rows.map((r) => r.run);
    const truncated = data.length > maxRows;
    const rows = truncated ? data.slice(0, maxRows) : data;
    return { columns: (header as string[] | undefined) ?? [], rows, rowCount: rows.length, truncated, durationMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (err) {
    throw toAppError(err, timeoutMs);
  } finally {
    await client.query("rollback").catch(() => (broken = true));
    client.release(broken);
  }
}

function toAppError(err: unknown, timeoutMs: number): AppError {
  const pgErr = err as { code?: string; message?: string };
  switch (pgErr.code) {
    case "57014":
      return new AppError("UNPROCESSABLE", `The query was cancelled after ${timeoutMs / 1000} s (statement timeout). Narrow it down, e.g. a shorter period.`, { rule: "timeout" });
    case "55P03":
      return new AppError("UNPROCESSABLE", "The query waited too long for a lock and was cancelled.", { rule: "timeout" });
    case "42501":
    case "25006":
      return new AppError("FORBIDDEN", `Refused by the database's read-only role: ${pgErr.message}.`, { rule: "role" });
    default:
      if (pgErr.code && /^[0-9A-Z]{5}$/.test(pgErr.code)) return new AppError("UNPROCESSABLE", `The database could not run the query: ${pgErr.message}.`, { rule: "database" });
      return err instanceof AppError ? err : new AppError("INTERNAL", (err as Error).message);
  }
}
