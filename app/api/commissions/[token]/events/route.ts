import { db } from "@/server/db";
import { clientIp } from "@/server/http/client-ip";
import { openStreamSlot, rateLimit } from "@/server/services/limits";
import { commissionEventStream } from "@/server/services/commissions/event-stream";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const UNPAID_STREAM_MS = 20_000;

/** Live progress of a commission as server-sent events (see commissionEventStream), within the per-link and per-IP stream limits. */
export async function GET(req: Request, ctx: { params: Promise<{ token: string }> }) {
  const limited = await rateLimit(req);
  if (limited) return limited;
  const { token } = await ctx.params;
  const c = await db.commission.findUnique({ where: { publicToken: token }, select: { id: true, status: true } });
  if (!c) return Response.json({ error: { code: "NOT_FOUND", message: "No commission at this link" } }, { status: 404 });
  const slot = await openStreamSlot(token, clientIp(req.headers));
  if (slot instanceof Response) return slot;
  // Nothing happens before payment: an unpaid commission's stream closes early and the browser
  // reconnects slowly, so idle checkout tabs hold no connection.
  const unpaid = c.status === "AWAITING_PAYMENT";
  const url = new URL(req.url);
  const after = Number(req.headers.get("last-event-id") ?? url.searchParams.get("after") ?? 0) || 0;
  const stream = commissionEventStream(c.id, after, req.signal, { maxMs: unpaid ? UNPAID_STREAM_MS : undefined, retryMs: unpaid ? 15_000 : 2_000, onClose: () => slot.release() });
  return new Response(stream, {
    headers: { "content-type": "text/event-stream", "cache-control": "no-store, no-transform", connection: "keep-alive", "x-accel-buffering": "no" },
  });
}
