import { afterEach, describe, expect, it } from "vitest";
import { isAppError } from "../server/errors";
import { PrintfulFulfilment } from "../server/providers/fulfilment/printful";
import type { SubmitFulfilmentInput } from "../server/providers/fulfilment/types";
import { startPrintfulServer } from "./contract/printful-server";

// The Printful order client on the wire: a local server speaking Printful's v1 orders API.

const KEY = "pf-orders-key-456";

const input = (externalId: string): SubmitFulfilmentInput => ({
  externalId,
  recipient: { name: "Ada Shopper", email: "ada@example.test", address1: "1 Loaf Street", city: "Portland", stateCode: "OR", countryCode: "US", zip: "97201" },
  items: [
    { externalVariantId: "lst_1-4017", quantity: 2, retailCents: 2400, name: "Loaf (Black, M)" },
    { externalVariantId: "lst_1-10163", quantity: 1, retailCents: 400, name: "Loaf (White, 3×3 in)" },
  ],
  shippingRate: "express",
  currency: "usd",
  retailCosts: { subtotalCents: 5200, shippingCents: 1495, taxCents: 0 },
});

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function start(opts: Omit<Parameters<typeof startPrintfulServer>[0], "apiKey"> = {}) {
  const server = await startPrintfulServer({ apiKey: KEY, ...opts });
  close = server.close;
  return { server, client: new PrintfulFulfilment({ baseUrl: server.url, apiKey: KEY, storeId: "777", baseDelayMs: 10, maxAttempts: 3 }) };
}

const posts = (seen: Array<{ method: string; path: string }>, path: string) => seen.filter((r) => r.method === "POST" && r.path === path);

describe("Printful orders on the wire", () => {
  it("creates the order by external_id with recipient, sync-variant items and retail costs, then confirms it", async () => {
    const { server, client } = await start();
    const r = await client.submitOrder(input("ord_1"));
    const o = server.orders.get("ord_1")!;
    expect(r).toEqual({ id: String(o.id), status: "pending", created: true });
    expect(o.status).toBe("pending");
    expect(o.shipping).toBe("EXPRESS");
    expect(o.recipient).toMatchObject({ name: "Ada Shopper", address1: "1 Loaf Street", city: "Portland", state_code: "OR", country_code: "US", zip: "97201", email: "ada@example.test" });
    expect(o.items).toEqual([
      { external_variant_id: "lst_1-4017", quantity: 2, retail_price: "24.00", name: "Loaf (Black, M)" },
      { external_variant_id: "lst_1-10163", quantity: 1, retail_price: "4.00", name: "Loaf (White, 3×3 in)" },
    ]);
    expect(o.retail_costs).toEqual({ currency: "USD", subtotal: "52.00", shipping: "14.95", tax: "0.00" });
    expect(server.seen.map((s) => `${s.method} ${s.path}`)).toEqual(["GET /orders/@ord_1", "POST /orders", `POST /orders/${o.id}/confirm`]);
    expect(server.seen.every((s) => s.headers.authorization === `Bearer ${KEY}` && s.headers["x-pf-store-id"] === "777")).toBe(true);
  });

  it("waits out a 429 (Retry-After) and sends the same request again", async () => {
    const { server, client } = await start({ rateLimitFirstRequest: 1 });
    await client.submitOrder(input("ord_429"));
    expect(server.seen[0].path).toBe("/orders/@ord_429");
    expect(server.seen[1].path).toBe("/orders/@ord_429");
    expect(server.seen[1].at - server.seen[0].at).toBeGreaterThanOrEqual(950);
    expect(server.orders.get("ord_429")?.status).toBe("pending");
  });

  it("is idempotent: a re-run finds the order by external_id and creates nothing", async () => {
    const { server, client } = await start();
    const first = await client.submitOrder(input("ord_twice"));
    const again = await client.submitOrder(input("ord_twice"));
    expect(again).toEqual({ ...first, created: false });
    expect(posts(server.seen, "/orders")).toHaveLength(1);
    expect(server.orders.size).toBe(1);
  });

  it("a run that lost Printful's answer (the draft exists) confirms that draft instead of making another", async () => {
    const { server, client } = await start({ loseFirstOrderAnswer: true });
    const r = await client.submitOrder(input("ord_lost"));
    expect(r.status).toBe("pending");
    expect(server.orders.size).toBe(1);
    expect(server.orders.get("ord_lost")?.status).toBe("pending");
    // 502 → client retried the POST, Printful refused the duplicate external_id, we found the draft.
    expect(posts(server.seen, "/orders")).toHaveLength(2);
  });

  it("an outage longer than the client's retries fails retryable; the queue's next run creates exactly one order", async () => {
    const { server, client } = await start({ failOrdersFirst: 3 });
    const err = await client.submitOrder(input("ord_outage")).catch((e: unknown) => e);
    expect(isAppError(err) && err.details?.retryable).toBe(true);
    expect(server.orders.size).toBe(0);
    await client.submitOrder(input("ord_outage"));
    expect(server.orders.size).toBe(1);
    expect(server.orders.get("ord_outage")?.status).toBe("pending");
  });

  it("an address Printful rejects is a clear, non-retryable error", async () => {
    const { server, client } = await start({ refuseOrderWith: "Recipient: Invalid address, ZIP code does not match the state" });
    const err = await client.submitOrder(input("ord_bad_address")).catch((e: unknown) => e);
    expect(isAppError(err)).toBe(true);
    expect((err as Error).message).toContain("Invalid address, ZIP code does not match the state");
    expect((err as { details?: { retryable?: boolean } }).details?.retryable).toBe(false);
    expect(posts(server.seen, "/orders")).toHaveLength(1);
  });
});
