import { BODY_LIMITS, readBody } from "@/server/http/body";
import { handlePrintfulWebhook } from "@/server/services/shop/handle-printful-webhook";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Printful's order webhooks. v1 webhooks are unsigned, so the URL registered with Printful carries
 * a secret: /api/webhooks/printful?token=$PRINTFUL_WEBHOOK_SECRET (checked in constant time).
 */
export async function POST(req: Request) {
  const raw = await readBody(req, BODY_LIMITS.webhook);
  if (raw instanceof Response) return raw;
  const { status, body } = await handlePrintfulWebhook(raw, new URL(req.url).searchParams.get("token"));
  return Response.json(body, { status });
}
