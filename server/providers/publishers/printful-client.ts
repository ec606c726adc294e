import { z } from "zod";
import { AppError } from "../../errors";

// A small Printful REST client on fetch: bearer auth, optional store header, zod-parsed bodies,
// retries for 429 (honouring Retry-After) and 5xx/network errors with exponential backoff + jitter.
// Other 4xx answers are permanent and surface as a non-retryable AppError.

export type PrintfulClientOptions = {
  baseUrl: string;
  apiKey: string;
  storeId?: string;
  maxAttempts?: number;
  /** First backoff step for 5xx / network errors; doubles each attempt. */
  baseDelayMs?: number;
};

const ZErrorBody = z.object({
  result: z.unknown().optional(),
  error: z.object({ message: z.string().optional(), reason: z.unknown().optional() }).optional(),
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Seconds or an HTTP date → milliseconds to wait (capped at a minute). */
export function retryAfterMs(header: string | null): number | null {
  if (!header) return null;
  const secs = Number(header);
  const ms = Number.isFinite(secs) ? secs * 1000 : Date.parse(header) - Date.now();
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), 60_000) : null;
}

export function backoffMs(attempt: number, base: number) {
  const exp = Math.min(30_000, base * 2 ** (attempt - 1));
  return Math.round(exp / 2 + Math.random() * (exp / 2));
}

export class PrintfulClient {
  private maxAttempts: number;
  private baseDelayMs: number;
  constructor(private opts: PrintfulClientOptions) {
    this.maxAttempts = opts.maxAttempts ?? 5;
    this.baseDelayMs = opts.baseDelayMs ?? 500;
  }

  private headers(): Record<string, string> {
    return {
      authorization: `Bearer ${this.opts.apiKey}`,
      "content-type": "application/json",
      ...(this.opts.storeId ? { "x-pf-store-id": this.opts.storeId } : {}),
    };
  }

  /** Sends one request; resolves to the parsed `result`, or null for a 404 when `allow404`. */
  async request<T>(method: "GET" | "POST" | "PUT", path: string, schema: z.ZodType<T>, opts: { body?: unknown; allow404?: boolean } = {}): Promise<T | null> {
    const url = `${this.opts.baseUrl.replace(/\/$/, "")}${path}`;
    const what = `Printful ${method} ${path}`;
    for (let attempt = 1; ; attempt++) {
      const last = attempt >= this.maxAttempts;
      let res: Response;
      try {
        res = await fetch(url, { method, headers: this.headers(), body: opts.body === undefined ? undefined : JSON.stringify(opts.body), signal: AbortSignal.timeout(30_000) });
      } catch (e) {
        if (last) throw new AppError("UPSTREAM", `${what} failed after ${attempt} attempts: ${(e as Error).message}`, { retryable: true });
        await sleep(backoffMs(attempt, this.baseDelayMs));
        continue;
      }
      if (res.status === 429 || res.status >= 500) {
        const text = await res.text().catch(() => "");
        if (last) {
          throw new AppError(res.status === 429 ? "TOO_MANY_REQUESTS" : "UPSTREAM", `${what} answered ${res.status} after ${attempt} attempts${text ? `: ${text.slice(0, 200)}` : ""}`, { retryable: true, status: res.status });
        }
        const wait = res.status === 429 ? (retryAfterMs(res.headers.get("retry-after")) ?? backoffMs(attempt, this.baseDelayMs)) : backoffMs(attempt, this.baseDelayMs);
        await sleep(wait);
        continue;
      }
      if (res.status === 404 && opts.allow404) {
        await res.body?.cancel();
        return null;
      }
      const json: unknown = await res.json().catch(() => null);
      if (!res.ok) {
        const body = ZErrorBody.safeParse(json);
        const msg = body.success ? (body.data.error?.message ?? (typeof body.data.result === "string" ? body.data.result : "")) : "";
        throw new AppError("UPSTREAM", `${what} was refused (${res.status})${msg ? `: ${msg}` : ""}`, { retryable: false, status: res.status });
      }
      const parsed = z.object({ result: schema }).safeParse(json);
      if (!parsed.success) {
        throw new AppError("UPSTREAM", `${what} returned an unexpected body: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`, { retryable: false });
      }
      return parsed.data.result;
    }
  }
}
