// A small L2-regularised logistic regression on binomial rows (x, successes out of trials), fitted
// by full-batch gradient descent. Simple enough to explain: one coefficient per scoring factor.

export type BinomialRow = { x: number[]; successes: number; trials: number };
export type LogisticModel = { bias: number; coef: number[] };

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const clampP = (p: number) => Math.min(1 - 1e-9, Math.max(1e-9, p));

export function predict(m: LogisticModel, x: number[]) {
  let z = m.bias;
  for (let j = 0; j < x.length; j++) z += m.coef[j] * x[j];
  return sigmoid(z);
}

/** Mean negative log-likelihood per trial (lower is better). */
export function logLoss(m: LogisticModel, rows: BinomialRow[]) {
  let nll = 0;
  let n = 0;
  for (const r of rows) {
    const p = clampP(predict(m, r.x));
    nll -= r.successes * Math.log(p) + (r.trials - r.successes) * Math.log(1 - p);
    n += r.trials;
  }
  return n > 0 ? nll / n : 0;
}

/** Minimises mean NLL + (lambda/2)·|coef|² (bias unpenalised). Deterministic. */
export function fitLogistic(rows: BinomialRow[], opts: { lambda?: number; iterations?: number; learningRate?: number } = {}): LogisticModel {
  const dims = rows[0]?.x.length ?? 0;
  const lambda = opts.lambda ?? 0.01;
  const lr = opts.learningRate ?? 0.5;
  const iterations = opts.iterations ?? 2_000;
  const total = rows.reduce((s, r) => s + r.trials, 0);
  const rate = total > 0 ? rows.reduce((s, r) => s + r.successes, 0) / total : 0.5;
  const m: LogisticModel = { bias: Math.log(clampP(rate) / (1 - clampP(rate))), coef: new Array(dims).fill(0) };
  if (total === 0) return m;
  for (let it = 0; it < iterations; it++) {
    let gb = 0;
    const g = new Array(dims).fill(0);
    for (const r of rows) {
      // d/dz of the binomial NLL: trials·p − successes
      const resid = r.trials * predict(m, r.x) - r.successes;
      gb += resid;
      for (let j = 0; j < dims; j++) g[j] += resid * r.x[j];
    }
    m.bias -= (lr * gb) / total;
    for (let j = 0; j < dims; j++) m.coef[j] -= lr * (g[j] / total + lambda * m.coef[j]);
  }
  return m;
}
