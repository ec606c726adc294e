import { BODY_LIMITS, readBody } from "@/server/http/body";
import { handleStripeWebhook } from "@/server/services/payments/handle-webhook";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Stripe (and the local test checkout) deliver signed events here. Verified on the raw body. */
export async function POST(req: Request) {
  const raw = await readBody(req, BODY_LIMITS.webhook);
  if (raw instanceof Response) return raw;
  const { status, body } = await handleStripeWebhook(raw, req.headers.get("stripe-signature"));
  return Response.json(body, { status });
}
