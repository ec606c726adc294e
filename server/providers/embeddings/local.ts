import type { EmbeddingProvider } from "./types";
import { fnv1a, tokenize } from "./text";
import { idf } from "./document-frequency";

export const LOCAL_DIMS = 256;
const BIGRAM_WEIGHT = 0.7;

/**
 * Hashed TF-IDF embedding: unigrams and bigrams are hashed into LOCAL_DIMS buckets with a sign bit
 * (so collisions cancel rather than pile up), weighted by sublinear tf (1 + ln tf) × idf from the
 * shipped document-frequency table, then L2-normalised. Deterministic and offline.
 */
export function embedLocal(text: string, dims = LOCAL_DIMS): number[] {
  const tokens = tokenize(text);
  const tf = new Map<string, number>();
  for (let i = 0; i < tokens.length; i++) {
    tf.set(tokens[i], (tf.get(tokens[i]) ?? 0) + 1);
    if (i > 0) {
      const bi = `${tokens[i - 1]} ${tokens[i]}`;
      tf.set(bi, (tf.get(bi) ?? 0) + 1);
    }
  }
  const v = new Float64Array(dims);
  for (const [term, count] of tf) {
    const space = term.indexOf(" ");
    const w = (1 + Math.log(count)) * (space < 0 ? idf(term) : BIGRAM_WEIGHT * Math.min(idf(term.slice(0, space)), idf(term.slice(space + 1))));
    const h = fnv1a(term);
    v[h % dims] += (h & 0x80000000) === 0 ? w : -w;
  }
  let norm = 0;
  for (let i = 0; i < dims; i++) norm += v[i] * v[i];
  norm = Math.sqrt(norm);
  const out = new Array<number>(dims);
  for (let i = 0; i < dims; i++) out[i] = norm > 0 ? v[i] / norm : 0;
  return out;
}

export const localEmbeddings: EmbeddingProvider = {
  name: `local-hash-tfidf@1:${LOCAL_DIMS}`,
  async embed(texts) {
    return texts.map((t) => embedLocal(t));
  },
};
