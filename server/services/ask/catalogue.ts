import { pgPool } from "../../db";
import type { Catalogue, CatalogueView } from "../../providers/sql-writer/types";
import { ANALYTICS_SCHEMA } from "./guard";

// What may be asked, read from the live database: the views of the analytics schema with their
// comments, columns (type + comment) and a row estimate from the planner. Adding a view is one
// migration (CREATE VIEW + COMMENTs); it shows up here, in the guard's allowlist and in the prompt.

const TTL_MS = 60_000;
let cached: { at: number; value: Promise<Catalogue> } | null = null;

async function read(): Promise<Catalogue> {
  const pool = pgPool();
  const { rows } = await pool.query<{ view: string; vdesc: string | null; col: string; type: string; cdesc: string | null }>(
    `select c.relname as view, obj_description(c.oid, 'pg_class') as vdesc, a.attname as col,
            format_type(a.atttypid, a.atttypmod) as type, col_description(c.oid, a.attnum) as cdesc
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      where n.nspname = $1 and c.relkind in ('v', 'm')
      order by c.relname, a.attnum`,
    [ANALYTICS_SCHEMA],
  );
  const views = new Map<string, CatalogueView>();
  for (const r of rows) {
    const v = views.get(r.view) ?? { name: r.view, description: r.vdesc, rowEstimate: 0, columns: [] };
    v.columns.push({ name: r.col, type: r.type, description: r.cdesc });
    views.set(r.view, v);
  }
  // The planner's estimate for each view (views have no reltuples of their own).
  await Promise.all(
    [...views.values()].map(async (v) => {
      const plan = await pool.query<{ "QUERY PLAN": Array<{ Plan: { "Plan Rows": number } }> }>(
        `explain (format json) select * from ${ANALYTICS_SCHEMA}."${v.name.replace(/"/g, '""')}"`,
      );
      v.rowEstimate = Math.round(plan.rows[0]["QUERY PLAN"][0].Plan["Plan Rows"]);
    }),
  );
  return { schema: ANALYTICS_SCHEMA, views: [...views.values()], readAt: new Date().toISOString() };
}

/** The catalogue, read at most once a minute per process. */
export function catalogue(opts: { fresh?: boolean } = {}): Promise<Catalogue> {
  if (!cached || opts.fresh || Date.now() - cached.at > TTL_MS) {
    const value = read();
    cached = { at: Date.now(), value };
    value.catch(() => (cached = null));
  }
  return cached.value;
}

export const viewNames = (c: Catalogue) => new Set(c.views.map((v) => v.name));
