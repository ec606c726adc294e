// Request bodies are capped BEFORE they are read: Content-Length is checked first, and the stream
// is counted as it arrives (a client may lie about the length or send it chunked).

export const BODY_LIMITS = {
  /** Stripe events are a few KB; 256 KB leaves room for large metadata. */
  webhook: 256 * 1024,
  /** JSON APIs (public commissions API, tRPC, sign-in and checkout forms). */
  json: 64 * 1024,
} as const;

/** The 413 error body, for Response.json here and for the node:http routes (node-routes.ts). */
export const tooLargeError = (max: number) => ({ error: { code: "PAYLOAD_TOO_LARGE", message: `The request body is larger than ${Math.round(max / 1024)} KB` } });

const tooLarge = (max: number) => Response.json(tooLargeError(max), { status: 413 });

/** True when a declared Content-Length is over the cap (or not a number). */
export function declaredTooLarge(declared: string | null | undefined, max: number): boolean {
  if (declared === null || declared === undefined) return false;
  const n = Number(declared);
  return !Number.isFinite(n) || n < 0 || n > max;
}

/**
 * A body stream (a web Request's body, or a node:http request) as text, or null once it passes
 * `max` bytes; reading stops there (leaving the loop cancels a web stream).
 */
export async function readCapped(body: AsyncIterable<Uint8Array>, max: number): Promise<string | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > max) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The body as text, or a 413 Response once it passes `max` bytes (reading stops there). */
export async function readBody(req: Request, max: number): Promise<string | Response> {
  if (declaredTooLarge(req.headers.get("content-length"), max)) return tooLarge(max);
  if (!req.body) return "";
  return (await readCapped(req.body as unknown as AsyncIterable<Uint8Array>, max)) ?? tooLarge(max);
}

/** A JSON object body (≤ 64 KB by default), or the 400/413 Response to send. */
export async function readJsonObject(req: Request, max: number = BODY_LIMITS.json): Promise<Record<string, unknown> | Response> {
  const text = await readBody(req, max);
  if (text instanceof Response) return text;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return Response.json({ error: { code: "BAD_REQUEST", message: "Send a JSON body" } }, { status: 400 });
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    return Response.json({ error: { code: "BAD_REQUEST", message: "Send a JSON object" } }, { status: 400 });
  }
  return body as Record<string, unknown>;
}
