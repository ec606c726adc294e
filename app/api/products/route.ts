import { errorResponse } from "@/server/errors";
import { rateLimit } from "@/server/services/limits";
import { listShopProducts } from "@/server/services/shop/queries";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Public API: published products with their variants (id, type, size, colour, price, currency, availability). */
export async function GET(req: Request) {
  const limited = await rateLimit(req, "api");
  if (limited) return limited;
  const raw = new URL(req.url).searchParams.get("page") ?? "1";
  if (!/^[1-9]\d{0,5}$/.test(raw)) return Response.json({ error: { code: "BAD_REQUEST", message: "page must be a whole number from 1" } }, { status: 400 });
  try {
    return Response.json(await listShopProducts(Number(raw)));
  } catch (e) {
    return errorResponse(e);
  }
}
