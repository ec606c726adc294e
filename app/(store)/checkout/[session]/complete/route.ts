import { errorResponse } from "@/server/errors";
import { log } from "@/server/log";
import { cancelLocalCheckout, payLocalCheckout } from "@/server/services/payments/local-checkout";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * The local checkout's Pay/Cancel: builds the Stripe-shaped event, signs it and POSTs it to this
 * shop's own /api/webhooks/stripe, then sends the shopper on (303).
 */
export async function POST(req: Request, ctx: { params: Promise<{ session: string }> }) {
  const { session } = await ctx.params;
  const form = await req.formData().catch(() => null);
  const action = form?.get("action") === "cancel" ? "cancel" : "pay";
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
