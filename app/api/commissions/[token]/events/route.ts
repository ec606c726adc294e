import { db } from "@/server/db";
import { clientIp } from "@/server/http/client-ip";
import { openStreamSlot, rateLimit } from "@/server/services/limits";
import { eventsAfter } from "@/server/services/commissions/events";
import { terminalStatuses } from "@/server/services/commissions/state";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const POLL_MS = 700;
const MAX_STREAM_MS = 10 * 60_000;
const UNPAID_STREAM_MS = 20_000;

/**
 * Server-sent events for a commission: everything stored after Last-Event-ID (or ?after=), then new
 * events as the work writes them (the DB is polled). Closes when the commission reaches a final state;
 * a reconnecting client catches up from the stored events.
 */
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
  const maxMs = unpaid ? UNPAID_STREAM_MS : MAX_STREAM_MS;
  const url = new URL(req.url);
  let after = Number(req.headers.get("last-event-id") ?? url.searchParams.get("after") ?? 0) || 0;
  const enc = new TextEncoder();
  let closed = false;
  req.signal.addEventListener("abort", () => (closed = true));

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (s: string) => {
        if (!closed) controller.enqueue(enc.encode(s));
      };
      send(unpaid ? "retry: 15000\n\n" : "retry: 2000\n\n");
      const started = Date.now();
      try {
        while (!closed && Date.now() - started < maxMs) {
          const events = await eventsAfter(c.id, after);
          for (const e of events) {
            after = e.id;
            send(`id: ${e.id}\nevent: progress\ndata: ${JSON.stringify({ id: e.id, type: e.type, message: e.message, progress: e.progress, createdAt: e.createdAt })}\n\n`);
          }
          const now = await db.commission.findUnique({ where: { id: c.id }, select: { status: true } });
          if (!now || (terminalStatuses.includes(now.status) && events.length === 0)) {
            send(`event: end\ndata: ${JSON.stringify({ status: now?.status ?? "GONE" })}\n\n`);
            break;
          }
          if (!events.length) send(": keep-alive\n\n");
          await new Promise((r) => setTimeout(r, POLL_MS));
        }
      } catch {
        // the client went away or the DB hiccupped: the client reconnects with Last-Event-ID
      } finally {
        closed = true;
        await slot.release();
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      }
    },
    cancel() {
      closed = true;
      void slot.release();
    },
  });
  return new Response(stream, { headers: { "content-type": "text/event-stream", "cache-control": "no-store, no-transform", connection: "keep-alive", "x-accel-buffering": "no" } });
}
