import { readdirSync } from "node:fs";
import { join } from "node:path";

// One definition of "are the migrations applied?", for npm start (before the app runs) and /api/ready.

/** Rows of migrations Prisma finished and did not roll back. */
export const APPLIED_MIGRATIONS_SQL = `select migration_name from _prisma_migrations where finished_at is not null and rolled_back_at is null`;

let shipped: string[] | undefined;

/** The migration folders shipped in prisma/migrations (read once). */
export function shippedMigrations(root = process.cwd()): string[] {
  shipped ??= readdirSync(join(/*turbopackIgnore: true*/ root, "prisma", "migrations"), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  return shipped;
}

/** Shipped migrations the database has not applied. */
export function missingMigrations(applied: Iterable<string>, wanted = shippedMigrations()): string[] {
  const done = new Set(applied);
  return wanted.filter((w) => !done.has(w));
}
