import { errorResponse } from "@/server/errors";
import { rateLimit } from "@/server/services/limits";
import { orderByToken } from "@/server/services/shop/queries";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Public API: an order's status, items, timeline, tracking and refund. The token is the secret. */
export async function GET(req: Request, ctx: { params: Promise<{ token: string }> }) {
  const limited = await rateLimit(req, "api");
  if (limited) return limited;
  try {
    const o = await orderByToken((await ctx.params).token);
    return Response.json(
      { id: o.id, status: o.status, items: o.items, totalCents: o.totalCents, currency: o.currency, timeline: o.timeline, tracking: o.tracking, refund: o.refund, problem: o.problem },
      { headers: { "cache-control": "no-store" } },
    );
  } catch (e) {
    return errorResponse(e);
  }
}
