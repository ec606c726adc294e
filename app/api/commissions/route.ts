import { errorResponse } from "@/server/errors";
import { createCommission } from "@/server/services/commissions/create-commission";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Public API: create a commission → 201 { id, checkoutUrl, statusUrl }. */
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
    const c = await createCommission(body as Parameters<typeof createCommission>[0]);
    return Response.json({ id: c.id, checkoutUrl: c.checkoutUrl, statusUrl: c.statusUrl }, { status: 201 });
  } catch (e) {
    return errorResponse(e);
  }
}
