import type { IncomingMessage, ServerResponse } from "node:http";
import { log } from "../log";
import { handleStripeWebhook } from "../services/payments/handle-webhook";
import { BODY_LIMITS, declaredTooLarge, readCapped, tooLargeError } from "./body";
import { API_CSP, STATIC_SECURITY_HEADERS } from "./security-headers";

// Routes the web server (scripts/web.ts) answers on node:http itself, before Next sees the request.
//
// Only Stripe's webhook is here. Its work is one signature check, one INSERT and one queue add
// (~1 ms), but through Next's router it cost ~13 ms of CPU per delivery: URL rewriting and route
// matching, a web Request/Response pair with its streams, an IncrementalCache, gzip of a 30-byte body
// (bench/edge.ts profile, docs/scaling.md). Stripe delivers in bursts and retries anything slow, so
// this path skips all of that. app/api/webhooks/stripe/route.ts stays as the same handler for anything
// that reaches Next (a test harness, `next dev`), and both call the one service: handleStripeWebhook.

type NodeRoute = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

const API_HEADERS = { ...STATIC_SECURITY_HEADERS, "Content-Security-Policy": API_CSP, "Cache-Control": "no-store" };

function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...API_HEADERS, "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text), ...extra });
  res.end(text);
}

/** The body as text, or null once it passes `max` bytes (a declared Content-Length is checked first). */
const readNodeBody = (req: IncomingMessage, max: number) =>
  declaredTooLarge(req.headers["content-length"], max) ? Promise.resolve(null) : readCapped(req as AsyncIterable<Buffer>, max);

const stripeWebhook: NodeRoute = async (req, res) => {
  const raw = await readNodeBody(req, BODY_LIMITS.webhook);
  if (raw === null) {
    // Stop reading an oversized body: answer and close the connection.
    sendJson(res, 413, tooLargeError(BODY_LIMITS.webhook), { Connection: "close" });
    res.once("finish", () => req.destroy());
    return;
  }
  const signature = req.headers["stripe-signature"];
  const { status, body } = await handleStripeWebhook(raw, typeof signature === "string" ? signature : null);
  sendJson(res, status, body);
};

const ROUTES: Record<string, NodeRoute> = {
  "POST /api/webhooks/stripe": stripeWebhook,
};

/** The node:http route for this request, or undefined to hand it to Next. */
export function nodeRoute(req: IncomingMessage): NodeRoute | undefined {
  const url = req.url ?? "";
  const q = url.indexOf("?");
  const route = ROUTES[`${req.method} ${q === -1 ? url : url.slice(0, q)}`];
  if (!route) return undefined;
  return async (rq, rs) => {
    try {
      await route(rq, rs);
    } catch (err) {
      log.error({ err: err instanceof Error ? err.message : String(err), path: url }, "node route failed");
      if (!rs.headersSent) sendJson(rs, 500, { error: { code: "INTERNAL", message: "Something went wrong; retry later" } });
      else rs.destroy();
    }
  };
}
