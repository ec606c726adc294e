import { jsonCreateRoute } from "@/server/http/create-route";
import { createCommission } from "@/server/services/commissions/create-commission";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Public API: create a commission → 201 { id, checkoutUrl, statusUrl }. */
export const POST = jsonCreateRoute(createCommission, (c) => ({ id: c.id, checkoutUrl: c.checkoutUrl, statusUrl: c.statusUrl }));
