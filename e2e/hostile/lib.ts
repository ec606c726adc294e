import http from "node:http";
import pg from "pg";
import Stripe from "stripe";
import { dbUrl, DB_PREFIX } from "../../tests/setup/db";
import { E2E_SERVER_ENV } from "../admin";

// Helpers for the hostile suite: the e2e server's database (row counts), raw HTTP for what
// Playwright's request client will not send (chunked bodies, lying lengths, open streams), and
// signed Stripe-shaped events.

export const port = Number(process.env.E2E_PORT ?? 3100);
export const base = `http://localhost:${port}`;
export const e2eDbUrl = () => dbUrl(`${DB_PREFIX}_e2e`);

let ipCounter = 0;
const run = 1 + Math.floor(Math.random() * 250);
/** A fresh client address per family, per run (the e2e server trusts one proxy hop: TRUST_PROXY=1). */
export const newIp = () => (++ipCounter, `10.${run}.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`);
export const from = (ip: string) => ({ "x-forwarded-for": ip });

export async function withDb<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: e2eDbUrl() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Exact row counts of every table in the public schema. */
export async function rowCounts(): Promise<Record<string, number>> {
  return withDb(async (c) => {
    // job_runs and alerts are written by the worker's scheduled housekeeping (budgets, the SLA check,
    // promoter sweeps run every minute whatever requests arrive), so they are not a request's effect.
    const tables = (await c.query(`select tablename from pg_tables where schemaname = 'public' and tablename not in ('job_runs', 'alerts') order by tablename`)).rows.map((r) => r.tablename as string);
    const out: Record<string, number> = {};
    for (const t of tables) out[t] = Number((await c.query(`select count(*)::int as n from "${t}"`)).rows[0].n);
    return out;
  });
}

/** Counts once the worker is idle: two snapshots a second apart agree. */
export async function stableRowCounts(): Promise<Record<string, number>> {
  let prev = await rowCounts();
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 1000));
    const next = await rowCounts();
    if (JSON.stringify(next) === JSON.stringify(prev)) return next;
    prev = next;
  }
  return prev;
}

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** One raw request: `chunks` are written as they are (chunked when no content-length is given). */
export function raw(method: string, path: string, headers: Record<string, string>, chunks: Array<string | Buffer> = []): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path, headers, agent: false }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (d: Buffer) => parts.push(d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString("utf8") }));
      res.on("error", reject);
    });
    // The server may answer (413) and close before the whole body is sent: that is the point.
    req.on("error", (e: NodeJS.ErrnoException) => (e.code === "EPIPE" || e.code === "ECONNRESET" ? undefined : reject(e)));
    (async () => {
      for (const c of chunks) if (!req.destroyed) req.write(c);
      req.end();
    })();
  });
}

/** Opens an event stream and resolves with its status once headers arrive; `close()` ends it. */
export function openStream(path: string, headers: Record<string, string>): Promise<{ status: number; retryAfter?: string; close: () => void; text: () => Promise<string> }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port, path, headers, agent: false }, (res) => {
      let body = "";
      const ended = new Promise<string>((r) => {
        res.on("data", (d: Buffer) => (body += d.toString("utf8")));
        res.on("end", () => r(body));
        res.on("close", () => r(body));
      });
      resolve({ status: res.statusCode ?? 0, retryAfter: res.headers["retry-after"] as string | undefined, close: () => req.destroy(), text: () => ended });
    });
    req.on("error", (e: NodeJS.ErrnoException) => (e.code === "ECONNRESET" ? undefined : reject(e)));
  });
}

/** A Stripe-shaped event signed like Stripe does (t=…,v1=HMAC). */
export function signedEvent(opts: { secret?: string; livemode?: boolean; timestamp?: number; type?: string; object?: Record<string, unknown> } = {}) {
  const event = {
    id: `evt_hostile_${Math.random().toString(36).slice(2)}`,
    object: "event",
    api_version: "2025-01-01",
    created: Math.floor(Date.now() / 1000),
    livemode: opts.livemode ?? false,
    type: opts.type ?? "checkout.session.completed",
    data: { object: opts.object ?? { id: "cs_local_hostile", object: "checkout.session", payment_status: "paid", metadata: { commissionId: "c_hostile" }, amount_total: 1, currency: "usd" } },
  };
  const payload = JSON.stringify(event);
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: opts.secret ?? E2E_SERVER_ENV.LOCAL_WEBHOOK_SECRET, timestamp: opts.timestamp });
  return { payload, signature };
}
