/** Cosine similarity; 0 when either vector is all zeros or the lengths differ. */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/** Mean of the L2-normalised vectors of one dimension (others are skipped); null when none. */
export function centroid(vectors: ArrayLike<number>[], dims: number): number[] | null {
  const sum = new Float64Array(dims);
  let n = 0;
  for (const v of vectors) {
    if (v.length !== dims) continue;
    let norm = 0;
    for (let i = 0; i < dims; i++) norm += v[i] * v[i];
    if (norm === 0) continue;
    norm = Math.sqrt(norm);
    for (let i = 0; i < dims; i++) sum[i] += v[i] / norm;
    n++;
  }
  return n ? Array.from(sum, (x) => x / n) : null;
}
