import { errorResponse } from "@/server/errors";
import { readJsonObject } from "@/server/http/body";
import { rateLimit } from "@/server/services/limits";
import { createCommission } from "@/server/services/commissions/create-commission";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Public API: create a commission → 201 { id, checkoutUrl, statusUrl }. */
export async function POST(req: Request) {
  const limited = await rateLimit(req, "api", "create");
  if (limited) return limited;
  const body = await readJsonObject(req);
  if (body instanceof Response) return body;
  try {
    const c = await createCommission(body as Parameters<typeof createCommission>[0]);
    return Response.json({ id: c.id, checkoutUrl: c.checkoutUrl, statusUrl: c.statusUrl }, { status: 201 });
  } catch (e) {
    return errorResponse(e);
  }
}
