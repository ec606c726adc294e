import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

// A local server speaking Printful's REST wire format (https://developers.printful.com/docs/):
// bearer auth, { code, result } envelopes, { code, result, error: { reason, message } } errors.

export type SeenRequest = { method: string; path: string; headers: IncomingMessage["headers"]; body: unknown; at: number };
type SyncVariant = { external_id: string; variant_id: number; retail_price: string; files: Array<{ id?: number; url?: string; type: string }> };
type SyncProduct = { id: number; external_id: string; name: string; thumbnail?: string; variants: SyncVariant[] };

export type PrintfulServerOptions = {
  apiKey: string;
  /** Answer the first request with 429 + Retry-After (seconds). */
  rateLimitFirstRequest?: number;
  /** Answer POST /store/products with this 4xx status. */
  refuseCreateWith?: number;
  /** Answer POST /orders with 400 and this message (e.g. an address Printful rejects). */
  refuseOrderWith?: string;
  /** Answer the first N POST /orders with 503 (an outage). */
  failOrdersFirst?: number;
  /** Make the order but answer POST /orders with 502 anyway (the answer was lost on the way). */
  loseFirstOrderAnswer?: boolean;
  /** Make the first order but never answer (the caller is killed while it waits). */
  hangFirstOrder?: boolean;
};

export type PrintfulOrder = {
  id: number;
  external_id: string;
  status: string;
  shipping: string;
  recipient: Record<string, unknown>;
  items: Array<{ external_variant_id?: string; sync_variant_id?: number; quantity: number; retail_price?: string; name?: string }>;
  retail_costs?: Record<string, string>;
};

export async function startPrintfulServer(opts: PrintfulServerOptions) {
  const seen: SeenRequest[] = [];
  const files: Array<{ id: number; url: string; filename: string }> = [];
  const products = new Map<string, SyncProduct>();
  const orders = new Map<string, PrintfulOrder>();
  let orderFailures = opts.failOrdersFirst ?? 0;
  let loseAnswer = !!opts.loseFirstOrderAnswer;
  let hang = !!opts.hangFirstOrder;
  let nextId = 1000;
  let limited = false;

  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const body: unknown = raw ? JSON.parse(raw) : undefined;
    const path = req.url ?? "/";
    seen.push({ method: req.method ?? "GET", path, headers: req.headers, body, at: Date.now() });
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(payload));
    };
    const fail = (status: number, reason: string, message: string) => send(status, { code: status, result: message, error: { reason, message } });

    if (opts.rateLimitFirstRequest && !limited) {
      limited = true;
      return send(429, { code: 429, result: "Too Many Requests", error: { reason: "TooManyRequests", message: "Too many requests" } }, { "retry-after": String(opts.rateLimitFirstRequest) });
    }
    if (req.headers.authorization !== `Bearer ${opts.apiKey}`) return fail(401, "Unauthorized", "Malformed or invalid API key");

    if (req.method === "POST" && path === "/files") {
      const b = body as { url?: string; filename?: string };
      if (!b?.url) return fail(400, "BadRequest", "url is required");
      const file = { id: nextId++, url: b.url, filename: b.filename ?? "file.png" };
      files.push(file);
      return send(200, { code: 200, result: { ...file, type: "default", hash: null, status: "waiting" } });
    }
    const get = path.match(/^\/store\/products\/@(.+)$/);
    if (req.method === "GET" && get) {
      const p = products.get(decodeURIComponent(get[1]));
      if (!p) return fail(404, "NotFound", "Not found");
      return send(200, {
        code: 200,
        result: { sync_product: { id: p.id, external_id: p.external_id, name: p.name, variants: p.variants.length, synced: p.variants.length }, sync_variants: p.variants.map((v, i) => ({ id: p.id * 10 + i, ...v })) },
      });
    }
    if (req.method === "POST" && path === "/store/products") {
      if (opts.refuseCreateWith) return fail(opts.refuseCreateWith, "BadRequest", "Invalid variant_id");
      const b = body as { sync_product?: { external_id?: string; name?: string; thumbnail?: string }; sync_variants?: SyncVariant[] };
      if (!b?.sync_product?.name || !b.sync_variants?.length) return fail(400, "BadRequest", "sync_product.name and sync_variants are required");
      const ext = b.sync_product.external_id ?? String(nextId);
      if (products.has(ext)) return fail(400, "BadRequest", `Product with external_id ${ext} already exists`);
      const p: SyncProduct = { id: nextId++, external_id: ext, name: b.sync_product.name, thumbnail: b.sync_product.thumbnail, variants: b.sync_variants };
      products.set(ext, p);
      return send(200, { code: 200, result: { id: p.id, external_id: ext, name: p.name, variants: p.variants.length, synced: 0, thumbnail_url: p.thumbnail ?? null, is_ignored: false } });
    }
    // Orders API (v1): https://developers.printful.com/docs/#tag/Orders-API
    const getOrder = path.match(/^\/orders\/(@?[^/]+)$/);
    if (req.method === "GET" && getOrder) {
      const ref = decodeURIComponent(getOrder[1]);
      const o = ref.startsWith("@") ? orders.get(ref.slice(1)) : [...orders.values()].find((x) => String(x.id) === ref);
      if (!o) return fail(404, "NotFound", "Order not found");
      return send(200, { code: 200, result: o });
    }
    if (req.method === "POST" && path === "/orders") {
      if (orderFailures > 0) {
        orderFailures--;
        return fail(503, "ServiceUnavailable", "Printful is temporarily unavailable");
      }
      const b = body as Partial<PrintfulOrder> & { recipient?: Record<string, unknown> };
      const r = b?.recipient ?? {};
      if (!r.name || !r.address1 || !r.city || !r.country_code || !r.zip) return fail(400, "BadRequest", "Recipient: name, address1, city, country_code and zip are required");
      if (!b.items?.length || b.items.some((i) => !(i.external_variant_id || i.sync_variant_id) || !(i.quantity >= 1))) return fail(400, "BadRequest", "Items: every item needs a sync_variant_id or external_variant_id and a quantity");
      if (opts.refuseOrderWith) return fail(400, "BadRequest", opts.refuseOrderWith);
      if (b.external_id && orders.has(b.external_id)) return fail(400, "BadRequest", `Order with external ID ${b.external_id} already exists`);
      const o: PrintfulOrder = { id: nextId++, external_id: b.external_id ?? String(nextId), status: "draft", shipping: b.shipping ?? "STANDARD", recipient: r, items: b.items, retail_costs: b.retail_costs };
      orders.set(o.external_id, o);
      if (hang) {
        hang = false;
        return; // the order exists; the answer never comes
      }
      if (loseAnswer) {
        loseAnswer = false;
        return fail(502, "BadGateway", "Bad gateway");
      }
      return send(200, { code: 200, result: o });
    }
    const confirm = path.match(/^\/orders\/(\d+)\/confirm$/);
    if (req.method === "POST" && confirm) {
      const o = [...orders.values()].find((x) => String(x.id) === confirm[1]);
      if (!o) return fail(404, "NotFound", "Order not found");
      if (o.status !== "draft") return fail(400, "BadRequest", `Order is ${o.status}, only draft orders can be confirmed`);
      o.status = "pending";
      return send(200, { code: 200, result: o });
    }
    fail(404, "NotFound", `No route ${req.method} ${path}`);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    files,
    products,
    orders,
    close: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}
