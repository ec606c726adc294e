import { errorResponse } from "@/server/errors";
import { log } from "@/server/log";
import { isAppError } from "@/server/errors";
import { BODY_LIMITS, readBody } from "@/server/http/body";
import { rateLimit } from "@/server/services/limits";
import { cancelLocalCheckout, localCheckoutActive, payLocalCheckout, type LocalShipping } from "@/server/services/payments/local-checkout";

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
  const form = new URLSearchParams(body);
  const action = form.get("action") === "cancel" ? "cancel" : "pay";
  const webhookUrl = `${new URL(req.url).origin}/api/webhooks/stripe`;
  const field = (k: string) => {
    const v = form.get(k);
    return v ?? undefined;
  };
  const shipping = { name: field("name"), line1: field("line1"), line2: field("line2"), city: field("city"), state: field("state"), postal_code: field("postal_code"), country: field("country"), rate: field("rate") } as LocalShipping;
  const run = (url?: string) => (action === "pay" ? payLocalCheckout(session, { webhookUrl: url, shipping }) : cancelLocalCheckout(session, { webhookUrl: url }));
  try {
    let result;
    try {
      result = await run(webhookUrl);
    } catch (err) {
      // A form the shopper must fix goes back to the page with the message.
      if (isAppError(err) && err.code === "BAD_REQUEST") {
        return new Response(null, { status: 303, headers: { location: `/checkout/${encodeURIComponent(session)}?error=${encodeURIComponent(err.message)}` } });
      }
      // The server may not reach itself by its public origin (proxies): deliver through the same handler in-process.
      log.warn({ err: err instanceof Error ? err.message : String(err) }, "local checkout: webhook over HTTP failed, delivering in-process");
      result = await run(undefined);
    }
    return new Response(null, { status: 303, headers: { location: result.redirectTo } });
  } catch (e) {
    return errorResponse(e);
  }
}
