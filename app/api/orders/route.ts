import { errorResponse } from "@/server/errors";
import { createOrder } from "@/server/services/shop/create-order";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Public API: {"items":[{"variantId","quantity"}],"email"} → 201 {"id","checkoutUrl","orderUrl"}. */
export async function POST(req: Request) {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    return Response.json({ error: { code: "BAD_REQUEST", message: "Send a JSON body" } }, { status: 400 });
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    return Response.json({ error: { code: "BAD_REQUEST", message: "Send a JSON object" } }, { status: 400 });
  }
  try {
    const o = await createOrder(body as Parameters<typeof createOrder>[0]);
    return Response.json({ id: o.id, checkoutUrl: o.checkoutUrl, orderUrl: o.orderUrl }, { status: 201 });
  } catch (e) {
    return errorResponse(e);
  }
}
