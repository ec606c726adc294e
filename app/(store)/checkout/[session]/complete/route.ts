import { errorResponse } from "@/server/errors";
import { log } from "@/server/log";
import { BODY_LIMITS, readBody } from "@/server/http/body";
import { rateLimit } from "@/server/services/limits";
import { cancelLocalCheckout, localCheckoutActive, payLocalCheckout } from "@/server/services/payments/local-checkout";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * The local checkout's Pay/Cancel: builds the Stripe-shaped event, signs it and POSTs it to this
 * shop's own /api/webhooks/stripe, then sends the shopper on (303).
 */
export async function POST(req: Request, ctx: { params: Promise<{ session: string }> }) {
  if (!localCheckoutActive()) return Response.json({ error: { code: "NOT_FOUND", message: "There is no test checkout here" } }, { status: 404 });
  const limited = await rateLimit(req);
  if (limited) return limited;
  const body = await readBody(req, BODY_LIMITS.json);
  if (body instanceof Response) return body;
  const { session } = await ctx.params;
  const action = new URLSearchParams(body).get("action") === "cancel" ? "cancel" : "pay";
  const webhookUrl = `${new URL(req.url).origin}/api/webhooks/stripe`;
  const run = (url?: string) => (action === "pay" ? payLocalCheckout(session, { webhookUrl: url }) : cancelLocalCheckout(session, { webhookUrl: url }));
  try {
    let result;
    try {
      result = await run(webhookUrl);
    } catch (err) {
      // The server may not reach itself by its public origin (proxies): deliver through the same handler in-process.
      log.warn({ err: err instanceof Error ? err.message : String(err) }, "local checkout: webhook over HTTP failed, delivering in-process");
      result = await run(undefined);
    }
    return new Response(null, { status: 303, headers: { location: result.redirectTo } });
  } catch (e) {
    return errorResponse(e);
  }
}
