import { db } from "@/server/db";
import { commissionEventStream } from "@/server/services/commissions/event-stream";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Live progress of a commission as server-sent events (see commissionEventStream). */
export async function GET(req: Request, ctx: { params: Promise<{ token: string }> }) {
  const { token } = await ctx.params;
  const c = await db.commission.findUnique({ where: { publicToken: token }, select: { id: true } });
  if (!c) return Response.json({ error: { code: "NOT_FOUND", message: "No commission at this link" } }, { status: 404 });
  const url = new URL(req.url);
  const after = Number(req.headers.get("last-event-id") ?? url.searchParams.get("after") ?? 0) || 0;
  return new Response(commissionEventStream(c.id, after, req.signal), {
    headers: { "content-type": "text/event-stream", "cache-control": "no-store, no-transform", connection: "keep-alive", "x-accel-buffering": "no" },
  });
}
