import type { AnswerHint } from "../../providers/sql-writer/types";

// The one-sentence answer and the automatic chart, from the shape of any result (translated,
// model-written or hand-written SQL alike): time in the first column → line, a category → bar.

export type Chart = { kind: "line" | "bar"; x: string; y: string[] } | null;

const DATE_LIKE = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:[+-]\d{2}(?::?\d{2})?|Z)?)?$/;

const isNum = (v: unknown) => typeof v === "number" && Number.isFinite(v);

export function chartFor(columns: string[], rows: unknown[][]): Chart {
  if (columns.length < 2 || rows.length < 2) return null;
  const numeric = columns.map((_, i) => i > 0 && rows.every((r) => r[i] === null || isNum(r[i])));
  const y = columns.filter((_, i) => numeric[i]);
  if (!y.length) return null;
  const first = rows.map((r) => r[0]);
  if (first.every((v) => typeof v === "string" && DATE_LIKE.test(v))) return { kind: "line", x: columns[0], y };
  if (first.every((v) => v === null || typeof v === "string" || typeof v === "boolean")) return { kind: "bar", x: columns[0], y };
  return null;
}

function fmt(v: unknown, money?: boolean): string {
  if (v === null || v === undefined) return "none";
  if (isNum(v)) {
    const n = v as number;
    return money ? `$${n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}` : n.toLocaleString("en-US", { maximumFractionDigits: 3 });
  }
  return String(v);
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One plain sentence about the result. */
export function describeResult(columns: string[], rows: unknown[][], hint?: AnswerHint): string {
  if (!rows.length) return `No rows matched${hint?.period ? ` ${hint.period}` : ""}.`;
  const label = hint?.label ?? columns.at(-1) ?? "value";
  const money = hint?.money;
  const period = hint?.period ? ` ${hint.period}` : "";
  if (rows.length === 1 && columns.length === 1) return `${cap(label)}${period}: ${fmt(rows[0][0], money)}.`;
  const chart = chartFor(columns, rows);
  const valueIdx = columns.length - 1;
  if (rows.length === 2 && columns.length === 2 && typeof rows[0][0] === "string" && !chart?.kind?.startsWith("line") && isNum(rows[0][1]) && isNum(rows[1][1]) && columns[0] === "period") {
    const [a, b] = [rows[0][1] as number, rows[1][1] as number];
    const change = b === 0 ? "" : ` (${a >= b ? "+" : ""}${Math.round(((a - b) / b) * 100)}%)`;
    return `${cap(label)}: ${fmt(a, money)} ${rows[0][0]} against ${fmt(b, money)} ${rows[1][0]}${change}.`;
  }
  if (chart && isNum(rows[0][valueIdx])) {
    const values = rows.map((r) => (isNum(r[valueIdx]) ? (r[valueIdx] as number) : 0));
    const total = values.reduce((a, b) => a + b, 0);
    const best = rows[values.indexOf(Math.max(...values))];
    if (chart.kind === "line") {
      return `${cap(label)}${period} over ${rows.length} ${columns[0]}s: ${fmt(total, money)} in all, highest ${fmt(best[valueIdx], money)} (${best[0]}), latest ${fmt(rows.at(-1)![valueIdx], money)}.`;
    }
    return `${fmt(best[0])} leads with ${fmt(best[valueIdx], money)} ${money ? "" : `${label} `}of ${fmt(total, money)}${money ? ` ${label}` : ""} across ${rows.length} ${columns[0]} values${period}.`.replace(/\s+/g, " ");
  }
  return `${rows.length} row${rows.length === 1 ? "" : "s"}${period}.`;
}
