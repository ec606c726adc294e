import { jsonCreateRoute } from "@/server/http/create-route";
import { createOrder } from "@/server/services/shop/create-order";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Public API: {"items":[{"variantId","quantity"}],"email"} → 201 {"id","checkoutUrl","orderUrl"}. */
export const POST = jsonCreateRoute(createOrder, (o) => ({ id: o.id, checkoutUrl: o.checkoutUrl, orderUrl: o.orderUrl }));
