import { AppError } from "@/server/errors";
import { log } from "@/server/log";
import { readBody } from "@/server/http/body";
import { rateLimit } from "@/server/services/limits";
import { trackStorefront } from "@/server/services/outcomes/track-storefront";

export const dynamic = "force-dynamic";
const MAX_BYTES = 8_192;

/**
 * First-party outcome beacon. Honours Do Not Track and Global Privacy Control (stores nothing),
 * reads no cookies and keeps no IP or user agent: only the event kinds and ids in the body.
 */
export async function POST(req: Request) {
  if (req.headers.get("dnt") === "1" || req.headers.get("sec-gpc") === "1") return new Response(null, { status: 204 });
  const limited = await rateLimit(req, "api");
  if (limited) return limited;
  const text = await readBody(req, MAX_BYTES);
  if (text instanceof Response) return text;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return Response.json({ error: "body must be JSON: { events: [...] }" }, { status: 400 });
  }
  try {
    await trackStorefront(body);
    return new Response(null, { status: 204 });
  } catch (err) {
    if (err instanceof AppError && err.code === "BAD_REQUEST") return Response.json({ error: err.message }, { status: 400 });
    log.error({ err: (err as Error).message }, "tracking batch failed");
    return Response.json({ error: "could not store the events" }, { status: 500 });
  }
}
