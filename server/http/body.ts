// Request bodies are capped BEFORE they are read: Content-Length is checked first, and the stream
// is counted as it arrives (a client may lie about the length or send it chunked).

export const BODY_LIMITS = {
  /** Stripe events are a few KB; 256 KB leaves room for large metadata. */
  webhook: 256 * 1024,
  /** JSON APIs (public commissions API, tRPC, sign-in and checkout forms). */
  json: 64 * 1024,
} as const;

const tooLarge = (max: number) =>
  Response.json({ error: { code: "PAYLOAD_TOO_LARGE", message: `The request body is larger than ${Math.round(max / 1024)} KB` } }, { status: 413 });

/** True when a declared Content-Length is over the cap (or not a number). */
export function declaredTooLarge(headers: Headers, max: number): boolean {
  const declared = headers.get("content-length");
  if (declared === null) return false;
  const n = Number(declared);
  return !Number.isFinite(n) || n < 0 || n > max;
}

/** The body as text, or a 413 Response once it passes `max` bytes (reading stops there). */
export async function readBody(req: Request, max: number): Promise<string | Response> {
  if (declaredTooLarge(req.headers, max)) return tooLarge(max);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return tooLarge(max);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
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
