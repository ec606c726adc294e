import { env } from "../../env";
import { localEmbeddings } from "./local";
import { openaiEmbeddings } from "./openai";
import type { EmbeddingProvider } from "./types";

export type { EmbeddingProvider } from "./types";

/** The embedding provider chosen by env (local hashed TF-IDF unless OpenAI is keyed). */
export function embeddings(): EmbeddingProvider {
  return env().providers.embeddings === "openai" ? openaiEmbeddings() : localEmbeddings;
}
