import { z } from "zod";
import { env } from "../../env";
import { AppError } from "../../errors";
import { openai } from "../openai/client";
import type { Catalogue, SqlWriter, WriterInput } from "./types";

export const ASK_SCHEMA_NAME = "analytics_query";

/** Structured output: SQL plus a one-line explanation, or a plain refusal with nothing to run. */
export const askJsonSchema = {
  type: "object",
  additionalProperties: false,
  required: ["answerable", "sql", "explanation"],
  properties: {
    answerable: { type: "boolean", description: "false when the catalogue cannot answer the question" },
    sql: { type: "string", description: "one PostgreSQL SELECT over the analytics views (empty when not answerable)" },
    explanation: { type: "string", description: "one sentence: what the query computes, or why it cannot be answered" },
  },
} as const;

const ZReply = z.object({ answerable: z.boolean(), sql: z.string(), explanation: z.string() });

const EXAMPLES = [
  ["revenue by week for the last 8 weeks", "SELECT date_trunc('week', paid_at)::date AS week, round(coalesce(sum(net_cents), 0) / 100.0, 2) AS revenue\nFROM analytics.payments\nWHERE paid_at IS NOT NULL AND paid_at >= date_trunc('week', now()) - interval '7 weeks'\nGROUP BY 1\nORDER BY 1"],
  ["how many refunded commissions this month", "SELECT count(*) AS commissions\nFROM analytics.commissions\nWHERE status = 'REFUNDED' AND created_at >= date_trunc('month', now())"],
  ["top 5 communities by revenue", "SELECT community, round(coalesce(sum(net_cents), 0) / 100.0, 2) AS revenue\nFROM analytics.payments\nWHERE paid_at IS NOT NULL\nGROUP BY 1\nORDER BY revenue DESC NULLS LAST\nLIMIT 5"],
];

export function systemPrompt(catalogue: Catalogue): string {
  return [
    "You write one read-only PostgreSQL 15 SELECT that answers an admin's question about the Merchloop shop.",
    `Use only these views (always schema-qualified as ${catalogue.schema}.<view>); times are UTC timestamps; money columns are integer cents (divide by 100.0 for dollars):`,
    catalogueText(catalogue),
    "Rules: exactly one SELECT (WITH allowed); no writes, no locking, no SELECT INTO, no system catalogs, no other schemas;",
    "only common aggregate, window, date, text and math functions; name every output column; order time series by time.",
    "If the views cannot answer the question, set answerable to false, sql to an empty string and explain why.",
    "Examples:",
    ...EXAMPLES.map(([q, sql]) => `Q: ${q}\nSQL:\n${sql}`),
  ].join("\n");
}

function catalogueText(c: Catalogue): string {
  return c.views
    .map((v) => [`${c.schema}.${v.name} (~${v.rowEstimate} rows): ${v.description ?? ""}`, ...v.columns.map((col) => `  ${col.name} ${col.type}${col.description ? ` -- ${col.description}` : ""}`)].join("\n"))
    .join("\n");
}

function userMessage(input: WriterInput): string {
  if (!input.repair) return `Question: ${input.question}`;
  return [
    `Question: ${input.question}`,
    "Your previous SQL was refused:",
    input.repair.sql,
    `Reason: ${input.repair.error}`,
    "Write a corrected query that follows the rules.",
  ].join("\n");
}

/** Structured output through the official SDK (any OpenAI-compatible base URL). */
export function openaiSqlWriter(): SqlWriter {
  const model = env().OPENAI_MODEL;
  return {
    name: `openai:${model}`,
    repairs: true,
    async write(input) {
      const res = await openai().chat.completions.create({
        model,
        temperature: 0,
        messages: [
          { role: "system", content: systemPrompt(input.catalogue) },
          { role: "user", content: userMessage(input) },
        ],
        response_format: { type: "json_schema", json_schema: { name: ASK_SCHEMA_NAME, strict: true, schema: askJsonSchema } },
      });
      const msg = res.choices[0]?.message;
      if (msg?.refusal) return { kind: "cannot", message: `The model refused: ${msg.refusal}`, suggestions: [] };
      let parsed: z.infer<typeof ZReply>;
      try {
        parsed = ZReply.parse(JSON.parse(msg?.content ?? ""));
      } catch {
        throw new AppError("UPSTREAM", `The model's answer is not the expected JSON: ${(msg?.content ?? "").slice(0, 120)}`);
      }
      if (!parsed.answerable || !parsed.sql.trim()) return { kind: "cannot", message: `I can't answer that: ${parsed.explanation}`, suggestions: [] };
      return { kind: "sql", sql: parsed.sql, explanation: parsed.explanation };
    },
  };
}
