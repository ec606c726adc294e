import { loadModule, parseSync } from "libpg-query";

// The first layer of Ask's defence: the real PostgreSQL parser (libpg-query, WASM) and an allowlist
// walk over its syntax tree. Nothing is matched as text: comments, quoting and U&"…" escapes are
// already resolved by the parser. The second layer (the merchloop_ask role inside a read-only,
// time-limited transaction, see run-sql.ts) holds even if this one is switched off.

export type GuardVerdict =
  | { ok: true; sql: string }
  | { ok: false; rule: GuardRule; message: string };

export type GuardRule =
  | "syntax"
  | "too-long"
  | "one-statement"
  | "only-select"
  | "no-locking"
  | "no-select-into"
  | "function"
  | "relation"
  | "construct"
  | "type";

export const ANALYTICS_SCHEMA = "analytics";
const MAX_SQL_LENGTH = 10_000;
const MAX_DEPTH = 200;

/** Functions a question may call: aggregates, windows, date/time, text and math. Nothing that reads files, sleeps, sets config or runs SQL. */
export const ALLOWED_FUNCTIONS = new Set([
  // aggregates
  "count", "sum", "avg", "min", "max", "string_agg", "array_agg", "bool_and", "bool_or", "every",
  "stddev", "stddev_pop", "stddev_samp", "variance", "var_pop", "var_samp", "percentile_cont", "percentile_disc", "mode",
  // windows
  "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead", "first_value", "last_value", "nth_value",
  // date and time
  "now", "date_trunc", "date_part", "extract", "timezone", "make_date", "make_interval", "make_timestamp", "age", "to_char",
  "to_date", "to_timestamp", "date_bin", "justify_days", "justify_hours", "justify_interval", "isfinite", "overlaps",
  // text
  "lower", "upper", "initcap", "length", "char_length", "character_length", "btrim", "ltrim", "rtrim", "substring", "substr",
  "position", "strpos", "replace", "split_part", "left", "right", "concat", "concat_ws", "starts_with", "lpad", "rpad", "format",
  "overlay", "reverse", "like_escape",
  // math
  "abs", "ceil", "ceiling", "floor", "round", "trunc", "sign", "sqrt", "power", "mod", "div", "greatest", "least", "nullif",
  "coalesce", "exp", "ln", "log", "width_bucket",
  // arrays and sets
  "cardinality", "array_length", "unnest", "generate_series", "array_position",
]);
/** Functions allowed in FROM (set-returning). */
const TABLE_FUNCTIONS = new Set(["generate_series", "unnest"]);

/** Type names a cast may name (so no regclass/regproc lookups, no xml). */
const ALLOWED_TYPES = new Set([
  "int2", "int4", "int8", "smallint", "integer", "int", "bigint", "numeric", "decimal", "float4", "float8", "real",
  "double precision", "text", "varchar", "bpchar", "char", "bool", "boolean", "date", "time", "timetz", "timestamp",
  "timestamptz", "interval", "money",
]);

const ALLOWED_SQL_VALUE_FUNCTIONS = new Set([
  "SVFOP_CURRENT_DATE", "SVFOP_CURRENT_TIME", "SVFOP_CURRENT_TIME_N", "SVFOP_CURRENT_TIMESTAMP", "SVFOP_CURRENT_TIMESTAMP_N",
  "SVFOP_LOCALTIME", "SVFOP_LOCALTIME_N", "SVFOP_LOCALTIMESTAMP", "SVFOP_LOCALTIMESTAMP_N",
]);

/** Syntax-tree node types a read-only question may contain; anything else is refused by name. */
const ALLOWED_NODES = new Set([
  "SelectStmt", "ResTarget", "ColumnRef", "A_Const", "A_Expr", "BoolExpr", "FuncCall", "RangeVar", "JoinExpr",
  "SubLink", "CaseExpr", "CaseWhen", "CoalesceExpr", "NullTest", "BooleanTest", "TypeCast", "TypeName", "SortBy",
  "WithClause", "CommonTableExpr", "Alias", "String", "Integer", "Float", "Boolean", "A_Star", "RangeSubselect",
  "WindowDef", "GroupingSet", "A_ArrayExpr", "A_Indirection", "A_Indices", "List", "MinMaxExpr", "SQLValueFunction",
  "RowExpr", "RangeFunction", "CollateClause", "NullIfExpr",
]);

const NODE_NAMES: Record<string, string> = {
  InsertStmt: "INSERT", UpdateStmt: "UPDATE", DeleteStmt: "DELETE", MergeStmt: "MERGE", CopyStmt: "COPY",
  ExplainStmt: "EXPLAIN", VariableSetStmt: "SET", LockingClause: "FOR UPDATE/SHARE", IntoClause: "SELECT INTO",
  ParamRef: "parameters ($1)", RangeTableSample: "TABLESAMPLE", XmlExpr: "XML functions", RangeTableFunc: "XMLTABLE",
  RangeTableFuncCol: "XMLTABLE", JsonTable: "JSON_TABLE", DoStmt: "DO", CallStmt: "CALL",
};

let ready: Promise<void> | null = null;
/** Load the parser's WASM once (about 50 ms). The guard is synchronous afterwards. */
export function loadGuard(): Promise<void> {
  ready ??= loadModule();
  return ready;
}

class Refusal extends Error {
  constructor(public rule: GuardRule, message: string) {
    super(message);
  }
}

type Node = Record<string, unknown>;

function strings(list: unknown): string[] {
  return Array.isArray(list) ? list.map((n) => ((n as { String?: { sval?: string } }).String?.sval ?? "")) : [];
}

/**
 * Check one question's SQL. `relations` are the view names of the analytics surface (unqualified).
 * Returns the statement text to run (trailing semicolon and surrounding whitespace removed).
 * `loadGuard()` must have resolved first.
 */
export function checkSql(sql: string, relations: ReadonlySet<string>): GuardVerdict {
  try {
    if (sql.length > MAX_SQL_LENGTH) throw new Refusal("too-long", `The query is longer than ${MAX_SQL_LENGTH} characters.`);
    let tree: { stmts?: Array<{ stmt?: Node; stmt_location?: number; stmt_len?: number }> };
    try {
      tree = parseSync(sql) as typeof tree;
    } catch (e) {
      throw new Refusal("syntax", `The SQL does not parse: ${(e as Error).message}.`);
    }
    const stmts = (tree.stmts ?? []).filter((s) => s.stmt);
    if (stmts.length !== 1) throw new Refusal("one-statement", `Exactly one statement is allowed (found ${stmts.length}).`);
    const [only] = stmts;
    const kind = Object.keys(only.stmt!)[0];
    if (kind !== "SelectStmt") throw new Refusal("only-select", `Only SELECT is allowed (this is ${NODE_NAMES[kind] ?? kind.replace(/Stmt$/, "").toUpperCase()}).`);
    walk(only.stmt, new Set(), relations, 0);
    const start = only.stmt_location ?? 0;
    const text = only.stmt_len ? sql.slice(start, start + only.stmt_len) : sql.slice(start);
    return { ok: true, sql: text.trim().replace(/;+\s*$/, "") };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, rule: e.rule, message: e.message };
    throw e;
  }
}

/** Walk every node. `ctes` are the WITH names visible here (they may be read like views). */
function walk(value: unknown, ctes: Set<string>, relations: ReadonlySet<string>, depth: number): void {
  if (depth > MAX_DEPTH) throw new Refusal("construct", "The query is nested too deeply.");
  if (Array.isArray(value)) {
    for (const v of value) walk(v, ctes, relations, depth + 1);
    return;
  }
  if (!value || typeof value !== "object") return;
  for (const [key, child] of Object.entries(value as Node)) {
    if (!/^[A-Z]/.test(key)) {
      walk(child, ctes, relations, depth + 1);
      continue;
    }
    const node = (child ?? {}) as Node;
    checkNode(key, node);
    if (key === "SelectStmt" && node.withClause) {
      // Postgres scoping: a plain WITH entry sees only the entries before it (so
      // `WITH pg_roles AS (SELECT * FROM pg_roles)` reads the catalog, not itself); RECURSIVE sees all.
      const withClause = node.withClause as { recursive?: boolean; ctes?: Array<{ CommonTableExpr?: Node }> };
      const entries = (withClause.ctes ?? []).map((c) => c.CommonTableExpr ?? {});
      const names = entries.map((c) => String(c.ctename ?? ""));
      entries.forEach((cte, i) => {
        checkNode("CommonTableExpr", cte);
        const scope = new Set([...ctes, ...(withClause.recursive ? names : names.slice(0, i))]);
        walk(cte, scope, relations, depth + 1);
      });
      const { withClause: _w, ...rest } = node;
      walk(rest, new Set([...ctes, ...names]), relations, depth + 1);
      continue;
    }
    if (key === "RangeVar") checkRelation(node, ctes, relations);
    walk(node, ctes, relations, depth + 1);
  }
}

function checkNode(kind: string, node: Node) {
  if (kind === "LockingClause") throw new Refusal("no-locking", "Locking clauses (FOR UPDATE / FOR SHARE) are not allowed: questions only read.");
  if (kind === "IntoClause") throw new Refusal("no-select-into", "SELECT INTO is not allowed: questions never create tables.");
  if (kind.endsWith("Stmt") && kind !== "SelectStmt") {
    throw new Refusal("only-select", `Only SELECT is allowed, also inside WITH (found ${NODE_NAMES[kind] ?? kind.replace(/Stmt$/, "").toUpperCase()}).`);
  }
  if (!ALLOWED_NODES.has(kind)) throw new Refusal("construct", `${NODE_NAMES[kind] ?? kind} is not allowed in a question.`);
  switch (kind) {
    case "SelectStmt":
      if (node.intoClause) throw new Refusal("no-select-into", "SELECT INTO is not allowed: questions never create tables.");
      if (node.lockingClause) throw new Refusal("no-locking", "Locking clauses (FOR UPDATE / FOR SHARE) are not allowed: questions only read.");
      break;
    case "FuncCall": {
      const name = strings(node.funcname);
      const fn = name.at(-1) ?? "";
      const qualified = name.length > 1 ? name.slice(0, -1).join(".") : null;
      if ((qualified && qualified !== "pg_catalog") || !ALLOWED_FUNCTIONS.has(fn)) {
        throw new Refusal("function", `Function \`${name.join(".")}\` is not allowed.`);
      }
      break;
    }
    case "RangeFunction": {
      for (const f of (node.functions as Array<{ List?: { items?: unknown[] } }> | undefined) ?? []) {
        for (const item of f.List?.items ?? []) {
          const call = (item as { FuncCall?: Node }).FuncCall;
          const fn = call ? strings(call.funcname).join(".") : "";
          if (call && !TABLE_FUNCTIONS.has(fn)) throw new Refusal("function", `Function \`${fn}\` is not allowed in FROM.`);
          if (!call && item && Object.keys(item).length) throw new Refusal("construct", "Only generate_series and unnest may be used in FROM.");
        }
      }
      break;
    }
    case "TypeCast": {
      // typeName is a bare field (not a wrapped node), so check it here.
      const names = strings((node.typeName as Node | undefined)?.names);
      const type = names.at(-1) ?? "";
      const schema = names.length > 1 ? names[0] : null;
      if ((schema && schema !== "pg_catalog") || !ALLOWED_TYPES.has(type)) throw new Refusal("type", `Type \`${names.join(".")}\` is not allowed in a cast.`);
      break;
    }
    case "SQLValueFunction":
      if (!ALLOWED_SQL_VALUE_FUNCTIONS.has(String(node.op))) {
        throw new Refusal("function", `\`${String(node.op).replace("SVFOP_", "").toLowerCase()}\` is not allowed (only the current date and time).`);
      }
      break;
    case "A_Expr": {
      const op = strings(node.name);
      if (op.length > 1 && op[0] !== "pg_catalog") throw new Refusal("function", `Operator \`${op.join(".")}\` is not allowed.`);
      break;
    }
    case "ColumnRef": {
      const fields = strings(node.fields).filter(Boolean);
      // a.b.c.d: catalog- or schema-qualified column references are not needed and hide relation names.
      if (fields.length > 2) throw new Refusal("relation", `Column \`${fields.join(".")}\` names a schema; use the view name only.`);
      break;
    }
  }
}

function checkRelation(node: Node, ctes: Set<string>, relations: ReadonlySet<string>) {
  const name = String(node.relname ?? "");
  const schema = node.schemaname as string | undefined;
  const full = [node.catalogname, schema, name].filter(Boolean).join(".");
  if (node.catalogname) throw new Refusal("relation", `Table \`${full}\` is not available.`);
  if (schema === undefined && ctes.has(name)) return;
  if (schema !== undefined && schema !== ANALYTICS_SCHEMA) throw new Refusal("relation", `Table \`${full}\` is not available: only the ${ANALYTICS_SCHEMA} views may be queried.`);
  if (!relations.has(name)) throw new Refusal("relation", `Table \`${full}\` is not available.`);
}
