import { env } from "../../env";
import { localSqlWriter } from "./local";
import { openaiSqlWriter } from "./openai";
import type { SqlWriter } from "./types";

export type { SqlWriter, SqlDraft, CannotAnswer, AnswerHint, Catalogue, CatalogueView, CatalogueColumn, WriterInput } from "./types";

/** The SQL writer chosen by env (the local semantic layer unless OpenAI is keyed). */
export function sqlWriter(): SqlWriter {
  return env().providers.ask === "openai" ? openaiSqlWriter() : localSqlWriter;
}
