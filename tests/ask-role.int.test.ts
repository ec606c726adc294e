import { describe, expect, it } from "vitest";
import { db, pgPool } from "../server/db";
import { ASK_ROLE, runAsReadOnlyRole } from "../server/services/ask/run-sql";

// The database layer alone, with the parser check switched off: statements go straight to
// runAsReadOnlyRole (no guard), or run under the role directly. Writes and secret columns are
// refused by Postgres itself, and nothing changes.

const secretsUntouched = async () => ({ users: await db.user.count(), commissions: await db.commission.count(), audit: await db.auditLog.count() });

describe("Ask's read-only role without the parser check", () => {
  it("exists, cannot log in, and may read only the analytics views", async () => {
    const { rows } = await pgPool().query(
      `select r.rolcanlogin, r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls,
              has_table_privilege($1, 'public.users', 'SELECT') as users,
              has_table_privilege($1, 'public.commissions', 'SELECT') as commissions,
              has_table_privilege($1, 'analytics.payments', 'SELECT') as payments_view,
              has_table_privilege($1, 'analytics.payments', 'INSERT') as payments_insert,
              has_schema_privilege($1, 'public', 'CREATE') as public_create,
              has_database_privilege($1, current_database(), 'CREATE') as db_create
         from pg_roles r where r.rolname = $1`,
      [ASK_ROLE],
    );
    expect(rows[0]).toEqual({ rolcanlogin: false, rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false, users: false, commissions: false, payments_view: true, payments_insert: false, public_create: false, db_create: false });
  });

  it("refuses writes and secret columns when the statement reaches it unchecked", async () => {
    const before = await secretsUntouched();
    const refused: Array<[string, RegExp]> = [
      [`select "passwordHash" from public.users`, /permission denied for table users/],
      [`select email from public.commissions`, /permission denied for table commissions/],
      [`select payload from public.stripe_events`, /permission denied for table stripe_events/],
      [`select email from analytics.commissions`, /column "email" does not exist/],
      [`select rolpassword from pg_authid`, /permission denied for table pg_authid/],
      [`select pg_read_file('/etc/passwd')`, /permission denied for function pg_read_file/],
      [`select lo_import('/etc/passwd')`, /permission denied for function lo_import|read-only transaction/],
      [`select set_config('role', 'postgres', true)`, /cannot set parameter "role" within security-definer function/],
      [`select set_config('session_authorization', 'postgres', true)`, /cannot set parameter "session_authorization" within security-definer function/],
      [`select set_config('role', 'postgres', true), (select count(*) from query_to_xml('select * from public.users', true, false, '') x)`, /cannot set parameter "role"|permission denied/],
      [`select query_to_xml('select "passwordHash" from public.users', true, false, '')`, /permission denied for table users/],
      [`select pg_terminate_backend(pg_backend_pid())`, /permission denied|must be a superuser|must be a member/],
      [`select 1) q; delete from public.users; select (1`, /syntax error|cannot open multi-query plan/],
      [`with x as (delete from public.users returning *) select * from x`, /WITH clause containing a data-modifying statement must be at the top level|permission denied/],
      [`select * from analytics.payments for update`, /FOR UPDATE is not allowed|permission denied|read-only/],
      [`select nextval('public.commission_events_id_seq')`, /permission denied|read-only transaction/],
      [`select * into stolen from analytics.payments`, /SELECT \.\.\. INTO is not allowed|syntax error|INTO/],
    ];
    for (const [sql, why] of refused) {
      await expect(runAsReadOnlyRole(sql), sql).rejects.toThrow(why);
    }
    expect(await secretsUntouched()).toEqual(before);
  });

  it("holds even in a read-write transaction: the role itself cannot write or read secrets", async () => {
    const client = await pgPool().connect();
    try {
      for (const sql of [
        `insert into public.users (id, email, "passwordHash", "updatedAt") values ('x', 'x@x', 'x', now())`,
        `update public.commissions set status = 'PAID'`,
        `delete from public.payments`,
        `insert into analytics.signals (id) values ('x')`,
        `create table public.evil (x int)`,
        `create table analytics.evil (x int)`,
        `select "passwordHash" from public.users`,
        `copy public.users to stdout`,
      ]) {
        await client.query("begin");
        await client.query(`set local role ${ASK_ROLE}`);
        await expect(client.query(sql), sql).rejects.toThrow(/permission denied|cannot insert into view|must be superuser|not allowed/);
        await client.query("rollback");
      }
    } finally {
      await client.query("rollback").catch(() => {});
      client.release();
    }
  });

  it("cancels a slow query at the timeout and caps the rows", async () => {
    await expect(runAsReadOnlyRole("select pg_sleep(5)", { timeoutMs: 300 })).rejects.toThrow(/cancelled after 0.3 s \(statement timeout\)/);
    const capped = await runAsReadOnlyRole("select g from generate_series(1, 10) g", { maxRows: 3 });
    expect(capped).toMatchObject({ columns: ["g"], rows: [[1], [2], [3]], rowCount: 3, truncated: true });
    const dup = await runAsReadOnlyRole("select 1 as n, 2 as n");
    expect(dup).toMatchObject({ columns: ["n", "n"], rows: [[1, 2]] });
  });
});
