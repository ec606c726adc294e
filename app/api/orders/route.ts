import { errorResponse } from "@/server/errors";
import { readJsonObject } from "@/server/http/body";
import { rateLimit } from "@/server/services/limits";
import { createOrder } from "@/server/services/shop/create-order";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Public API: {"items":[{"variantId","quantity"}],"email"} → 201 {"id","checkoutUrl","orderUrl"}. */
export async function POST(req: Request) {
  const limited = await rateLimit(req, "api", "create");
  if (limited) return limited;
  const body = await readJsonObject(req);
  if (body instanceof Response) return body;
  try {
    const o = await createOrder(body as Parameters<typeof createOrder>[0]);
    return Response.json({ id: o.id, checkoutUrl: o.checkoutUrl, orderUrl: o.orderUrl }, { status: 201 });
  } catch (e) {
    return errorResponse(e);
  }
}
