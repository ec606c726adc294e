import type { ProviderUsage } from "../usage";

/** Turns texts into vectors for novelty (cosine against recent ideas). */
export type EmbeddingProvider = {
  /** "local-hash-tfidf@1" or "openai:<model>": vectors from different providers are not comparable. */
  name: string;
  /** `onUsage` hears each external request's usage (local embeddings make none). */
  embed(texts: string[], opts?: { onUsage?: (usage: ProviderUsage) => void }): Promise<number[][]>;
};
