/** Turns texts into vectors for novelty (cosine against recent ideas). */
export type EmbeddingProvider = {
  /** "local-hash-tfidf@1" or "openai:<model>": vectors from different providers are not comparable. */
  name: string;
  embed(texts: string[]): Promise<number[][]>;
};
