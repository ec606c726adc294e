import { selectProvider } from "../select";
import { localEmbeddings } from "./local";
import { openaiEmbeddings } from "./openai";

export type { EmbeddingProvider } from "./types";

/** The embedding provider chosen by env (local hashed TF-IDF unless OpenAI is keyed). */
export const embeddings = selectProvider(
  (e) => `${e.providers.embeddings}|${e.OPENAI_EMBEDDING_MODEL}`,
  (e) => (e.providers.embeddings === "openai" ? openaiEmbeddings() : localEmbeddings),
);
