// Question → SQL. The local writer is a semantic-layer translator (offline, deterministic); the
// live one asks an OpenAI-compatible chat model for structured output. Both only *write* SQL: the
// Ask service always runs it through the guard and the read-only role.

export type CatalogueColumn = { name: string; type: string; description: string | null };
export type CatalogueView = { name: string; description: string | null; rowEstimate: number; columns: CatalogueColumn[] };
export type Catalogue = { schema: string; views: CatalogueView[]; readAt: string };

/** How to phrase the one-sentence answer. */
export type AnswerHint = { label: string; money?: boolean; period?: string };

export type SqlDraft = { kind: "sql"; sql: string; explanation: string; hint?: AnswerHint };
export type CannotAnswer = { kind: "cannot"; message: string; suggestions: string[] };

export type WriterInput = {
  question: string;
  catalogue: Catalogue;
  /** A previous attempt the guard or the database refused, to be repaired (live writer only). */
  repair?: { sql: string; error: string };
};

export interface SqlWriter {
  name: string;
  /** Whether a refused query is worth sending back with the reason (a model: yes; the deterministic translator: no). */
  repairs: boolean;
  write(input: WriterInput): Promise<SqlDraft | CannotAnswer>;
}
