import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import pg from "pg";

// Test databases: one template migrated once per change of migrations, then a cheap
// CREATE DATABASE … TEMPLATE per vitest worker / e2e run.

export const adminUrl = () => process.env.TEST_DATABASE_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export function dbUrl(name: string) {
  const u = new URL(adminUrl());
  u.pathname = `/${name}`;
  return u.toString();
}

function migrationsHash() {
  const dir = join(process.cwd(), "prisma/migrations");
  const h = createHash("sha256");
  for (const d of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    h.update(d).update(readFileSync(join(dir, d, "migration.sql")));
  }
  return h.digest("hex").slice(0, 16);
}

async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>) {
  const c = new pg.Client({ connectionString: adminUrl() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export const DB_PREFIX = process.env.TEST_DB_PREFIX ?? "merchloop_test";
const TEMPLATE = `${DB_PREFIX}_template`;

/** Make sure the template database exists and carries the current migrations. */
export async function ensureTemplate() {
  const hash = migrationsHash();
  const current = await withAdmin(async (c) => {
    const r = await c.query(`select shobj_description(oid, 'pg_database') as d from pg_database where datname = $1`, [TEMPLATE]);
    return r.rows[0]?.d as string | undefined;
  });
  if (current === hash) return;
  await withAdmin(async (c) => {
    await c.query(`drop database if exists ${TEMPLATE} with (force)`);
    await c.query(`create database ${TEMPLATE}`);
  });
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: dbUrl(TEMPLATE) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await withAdmin((c) => c.query(`comment on database ${TEMPLATE} is '${hash}'`));
}

/** A fresh database cloned from the template (dropped first if it exists). */
export async function freshDatabase(name: string) {
  await withAdmin(async (c) => {
    await c.query(`drop database if exists ${name} with (force)`);
    await c.query(`create database ${name} template ${TEMPLATE}`);
  });
  return dbUrl(name);
}

export async function dropDatabase(name: string) {
  await withAdmin((c) => c.query(`drop database if exists ${name} with (force)`));
}
