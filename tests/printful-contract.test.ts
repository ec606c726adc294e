import { afterEach, describe, expect, it } from "vitest";
import { PrintfulPublisher } from "../server/providers/publishers/printful";
import { PRINTFUL_VARIANTS } from "../server/providers/publishers/printful-variants";
import type { ListingPackage } from "../server/providers/publishers/types";
import { isAppError } from "../server/errors";
import { startPrintfulServer } from "./contract/printful-server";

const KEY = "pf-test-key-123";

const pkg = (listingId: string): ListingPackage => ({
  listingId,
  title: "Cat Loaf Supreme",
  description: "A loaf of a cat",
  bullets: ["Soft", "Printed on demand", "Loaf"],
  tags: ["cat"],
  priceCents: 2500,
  currency: "usd",
  community: "aww",
  productTypes: ["tee", "mug"],
  printFiles: [
    { productType: "tee", key: `designs/${listingId}/print-tee.png`, url: `https://files.example.test/designs/${listingId}/print-tee.png` },
    { productType: "mug", key: `designs/${listingId}/print-mug.png`, url: `https://files.example.test/designs/${listingId}/print-mug.png` },
  ],
  mockups: [{ productType: "tee", key: "m/tee.png", url: "https://files.example.test/m/tee.png" }],
  trackingCode: `ml-${listingId}`,
});

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe("Printful publisher on the wire", () => {
  it("uploads print files, creates the sync product with variants, retries a 429 after Retry-After, and is idempotent by external_id", async () => {
    const server = await startPrintfulServer({ apiKey: KEY, rateLimitFirstRequest: 1 });
    close = server.close;
    const publisher = new PrintfulPublisher({ baseUrl: server.url, apiKey: KEY, storeId: "777", baseDelayMs: 10 });

    const first = await publisher.publish(pkg("lst_abc123"));

    // The 429 was answered by waiting Retry-After (1 s) and sending the same request again.
    expect(server.seen[0]).toMatchObject({ method: "GET", path: "/store/products/@lst_abc123" });
    expect(server.seen[1]).toMatchObject({ method: "GET", path: "/store/products/@lst_abc123" });
    expect(server.seen[1].at - server.seen[0].at).toBeGreaterThanOrEqual(950);

    // Auth and store headers on every request.
    for (const r of server.seen) {
      expect(r.headers["x-pf-store-id"]).toBe("777");
    }
    expect(server.seen.slice(1).every((r) => r.headers.authorization === `Bearer ${KEY}`)).toBe(true);

    // Files uploaded from the print URLs.
    expect(server.files.map((f) => f.url)).toEqual(["https://files.example.test/designs/lst_abc123/print-tee.png", "https://files.example.test/designs/lst_abc123/print-mug.png"]);

    // One product, external_id = listing id, one variant per catalog variant, retail prices from the listing.
    const created = server.products.get("lst_abc123")!;
    expect(created).toBeDefined();
    expect(created.name).toBe("Cat Loaf Supreme");
    expect(created.thumbnail).toBe("https://files.example.test/m/tee.png");
    const expectedVariantIds = [...PRINTFUL_VARIANTS.tee.variants, ...PRINTFUL_VARIANTS.mug.variants].map((v) => v.variantId);
    expect(created.variants.map((v) => v.variant_id)).toEqual(expectedVariantIds);
    const teeFile = server.files[0].id;
    const mugFile = server.files[1].id;
    for (const v of created.variants) {
      const isMug = PRINTFUL_VARIANTS.mug.variants.some((m) => m.variantId === v.variant_id);
      expect(v.files).toEqual([{ id: isMug ? mugFile : teeFile, type: "default" }]);
      expect(v.external_id).toBe(`lst_abc123-${v.variant_id}`);
    }
    const twoXl = created.variants.find((v) => v.variant_id === 4015)!;
    expect(twoXl.retail_price).toBe("27.00");
    expect(created.variants.find((v) => v.variant_id === 4011)!.retail_price).toBe("25.00");
    expect(first).toEqual({ externalId: String(created.id), url: `https://www.printful.com/dashboard/sync/update?id=${created.id}` });

    // Re-run: found by external_id, nothing new created or uploaded.
    const again = await publisher.publish(pkg("lst_abc123"));
    expect(again).toEqual(first);
    expect(server.seen.filter((r) => r.method === "POST" && r.path === "/store/products")).toHaveLength(1);
    expect(server.seen.filter((r) => r.method === "POST" && r.path === "/files")).toHaveLength(2);
    expect(server.products.size).toBe(1);
  });

  it("makes one sync variant per shop catalogue variant, at the shop's retail price, when the package carries them", async () => {
    const server = await startPrintfulServer({ apiKey: KEY });
    close = server.close;
    const publisher = new PrintfulPublisher({ baseUrl: server.url, apiKey: KEY, baseDelayMs: 10 });
    const variants = [
      { productType: "tee", printfulVariantId: 4017, retailCents: 2400 },
      { productType: "tee", printfulVariantId: 4020, retailCents: 2700 },
      { productType: "mug", printfulVariantId: 4830, retailCents: 1900 },
    ];
    await publisher.publish({ ...pkg("lst_catalogue"), variants });
    const created = server.products.get("lst_catalogue")!;
    expect(created.variants.map((v) => [v.variant_id, v.retail_price, v.external_id])).toEqual([
      [4017, "24.00", "lst_catalogue-4017"],
      [4020, "27.00", "lst_catalogue-4020"],
      [4830, "19.00", "lst_catalogue-4830"],
    ]);
  });

  it("surfaces a refused request (4xx) as a clear non-retryable error without retrying", async () => {
    const server = await startPrintfulServer({ apiKey: KEY, refuseCreateWith: 400 });
    close = server.close;
    const publisher = new PrintfulPublisher({ baseUrl: server.url, apiKey: KEY, baseDelayMs: 10 });
    const err = await publisher.publish(pkg("lst_refused")).catch((e: unknown) => e);
    expect(isAppError(err)).toBe(true);
    expect((err as Error).message).toContain("POST /store/products was refused (400): Invalid variant_id");
    expect((err as { details?: { retryable?: boolean } }).details?.retryable).toBe(false);
    expect(server.seen.filter((r) => r.path === "/store/products")).toHaveLength(1);
  });

  it("refuses with a clear error when the API key is wrong", async () => {
    const server = await startPrintfulServer({ apiKey: KEY });
    close = server.close;
    const publisher = new PrintfulPublisher({ baseUrl: server.url, apiKey: "wrong", baseDelayMs: 10 });
    await expect(publisher.publish(pkg("lst_auth"))).rejects.toThrow(/refused \(401\): Malformed or invalid API key/);
    expect(server.seen).toHaveLength(1);
  });
});
