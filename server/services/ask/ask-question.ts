import { db } from "../../db";
import { AppError, isAppError } from "../../errors";
import { log } from "../../log";
import { sqlWriter } from "../../providers/sql-writer";
import type { AnswerHint, SqlWriter } from "../../providers/sql-writer/types";
import { catalogue, viewNames } from "./catalogue";
import { chartFor, describeResult, type Chart } from "./describe-result";
import { checkSql, loadGuard } from "./guard";
import { takeAskToken } from "./rate-limit";
import { runAsReadOnlyRole } from "./run-sql";

// Ask your data: the one service behind the dashboard page, the tRPC procedure and the CLI.
// question → SQL (semantic layer offline, or a model) → guard (parser) → read-only role → answer.
// Every question is rate-limited per admin and audited (who, SQL, verdict, duration, rows).

export type AskActor = { userId: string | null; label: string };
export type AskInput = { question?: string; sql?: string; actor: AskActor; writer?: SqlWriter };

export type AskSuccess = {
  ok: true;
  question: string | null;
  sql: string;
  explanation: string | null;
  answer: string;
  columns: string[];
  rows: unknown[][];
  rowCount: number;
  truncated: boolean;
  durationMs: number;
  chart: Chart;
  writer: string | null;
};
export type AskFailure = {
  ok: false;
  question: string | null;
  sql: string | null;
  error: { code: "CANNOT_ANSWER" | "REFUSED" | "QUERY_FAILED" | "TOO_MANY_REQUESTS"; message: string; rule?: string };
  suggestions: string[];
};
export type AskResult = AskSuccess | AskFailure;

type Verdict = "answered" | "refused" | "cannot" | "failed" | "rate-limited";

async function audit(actor: AskActor, entry: { question: string | null; sql: string | null; verdict: Verdict; rule?: string; durationMs?: number; rows?: number; writer?: string | null; message?: string }) {
  await db.auditLog
    .create({ data: { actorId: actor.userId, action: "ask.query", entityType: "ask", entityId: null, data: { by: actor.label, ...entry } } })
    .catch((e) => log.error({ err: e }, "ask audit write failed"));
}

export async function askQuestion(input: AskInput): Promise<AskResult> {
  const question = input.question?.trim() || null;
  const handSql = input.sql?.trim() || null;
  if (!question === !handSql) throw new AppError("BAD_REQUEST", "Give either a question or SQL.");
  const started = performance.now();
  const fail = async (error: AskFailure["error"], sql: string | null, verdict: Verdict, suggestions: string[] = [], writer: string | null = null): Promise<AskFailure> => {
    await audit(input.actor, { question, sql, verdict, rule: error.rule, message: error.message, durationMs: Math.round(performance.now() - started), writer });
    return { ok: false, question, sql, error, suggestions };
  };

  try {
    await takeAskToken(input.actor.userId ?? input.actor.label);
  } catch (e) {
    if (isAppError(e) && e.code === "TOO_MANY_REQUESTS") return fail({ code: "TOO_MANY_REQUESTS", message: e.message, rule: "rate-limit" }, handSql, "rate-limited");
    throw e;
  }
  const [cat] = await Promise.all([catalogue(), loadGuard()]);
  const relations = viewNames(cat);

  let sql: string;
  let explanation: string | null = null;
  let hint: AnswerHint | undefined;
  let writer: SqlWriter | null = null;
  if (handSql) {
    sql = handSql;
  } else {
    writer = input.writer ?? sqlWriter();
    const draft = await writer.write({ question: question!, catalogue: cat });
    if (draft.kind === "cannot") return fail({ code: "CANNOT_ANSWER", message: draft.message }, null, "cannot", draft.suggestions, writer.name);
    ({ sql, explanation, hint } = draft);
  }

  let verdict = checkSql(sql, relations);
  // A model's query the guard refuses goes back once with the reason (the local writer is deterministic).
  if (!verdict.ok && writer?.repairs) {
    const repaired = await writer.write({ question: question!, catalogue: cat, repair: { sql, error: verdict.message } });
    if (repaired.kind === "cannot") return fail({ code: "CANNOT_ANSWER", message: repaired.message }, sql, "cannot", repaired.suggestions, writer.name);
    ({ sql, explanation, hint } = repaired);
    verdict = checkSql(sql, relations);
  }
  if (!verdict.ok) return fail({ code: "REFUSED", message: verdict.message, rule: verdict.rule }, sql, "refused", [], writer?.name ?? null);

  try {
    const result = await runAsReadOnlyRole(verdict.sql);
    const answer = describeResult(result.columns, result.rows, hint) + (result.truncated ? ` Only the first ${result.rowCount} rows are shown.` : "");
    await audit(input.actor, { question, sql: verdict.sql, verdict: "answered", durationMs: result.durationMs, rows: result.rowCount, writer: writer?.name ?? null });
    return { ok: true, question, sql: verdict.sql, explanation, answer, ...result, chart: chartFor(result.columns, result.rows), writer: writer?.name ?? null };
  } catch (e) {
    if (isAppError(e) && e.code !== "INTERNAL" && e.code !== "PRECONDITION_FAILED") {
      return fail({ code: e.code === "FORBIDDEN" ? "REFUSED" : "QUERY_FAILED", message: e.message, rule: (e.details?.rule as string | undefined) ?? undefined }, verdict.sql, e.code === "FORBIDDEN" ? "refused" : "failed", [], writer?.name ?? null);
    }
    await audit(input.actor, { question, sql: verdict.sql, verdict: "failed", message: (e as Error).message, writer: writer?.name ?? null });
    throw e;
  }
}
