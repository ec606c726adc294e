import { handleStripeWebhook } from "@/server/services/payments/handle-webhook";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Stripe (and the local test checkout) deliver signed events here. Verified on the raw body. */
export async function POST(req: Request) {
  const raw = await req.text();
  const { status, body } = await handleStripeWebhook(raw, req.headers.get("stripe-signature"));
  return Response.json(body, { status });
}
