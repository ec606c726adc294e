import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../server/db";
import { resetEnvCache } from "../server/env";
import { seedPrices } from "../server/services/costs/prices";
import { importOutcomeCsv } from "../server/services/outcomes/import-csv";
import { importPrintfulOrders } from "../server/services/outcomes/import-printful";
import { trackStorefront } from "../server/services/outcomes/track-storefront";
import { createExperiment } from "../server/services/experiments/experiments";
import { makeChains } from "./helpers/growth";

let chains: Awaited<ReturnType<typeof makeChains>>;
beforeAll(async () => {
  await seedPrices();
  chains = await makeChains(2, { community: "importsub", theme: "imports" });
});

const countFor = (listingId: string) => db.outcomeEvent.count({ where: { listingId } });

describe("Zazzle referral/royalty CSV", () => {
  it("imports sales keyed by tc with attribution, and a re-import adds nothing", async () => {
    const [a, b] = chains;
    const csv = [
      "Date,Product,TC,Quantity,Sale Amount,Royalty,Referral",
      `2026-11-20,Cat tee,ml-${a.listingId},2,$49.90,$4.99,$7.49`,
      `2026-11-21,Cat mug,ml-${b.listingId},1,19.95,2.00,`,
      `2026-11-21,Cat mug,ml-${b.listingId},1,19.95,2.00,`,
    ].join("\n");
    const first = await importOutcomeCsv({ format: "zazzle", text: csv, fileName: "zazzle-nov.csv" });
    expect(first).toMatchObject({ rows: 3, added: 3, duplicateFile: false });
    const ev = await db.outcomeEvent.findFirstOrThrow({ where: { listingId: a.listingId } });
    expect(ev).toMatchObject({ kind: "PURCHASE", source: "ZAZZLE", marketplace: "ZAZZLE", quantity: 2, revenueCents: 499 + 749, ideaId: a.ideaId, designId: a.designId, signalId: a.signalId, community: "importsub", theme: "imports" });
    expect(await countFor(b.listingId)).toBe(2); // identical lines are two sales

    expect(await importOutcomeCsv({ format: "zazzle", text: csv })).toMatchObject({ added: 0, duplicateFile: true });
    // The same lines inside a different file are not counted twice either.
    const again = await importOutcomeCsv({ format: "zazzle", text: `${csv}\n` + `2026-11-22,Cat mug,ml-${b.listingId},1,19.95,2.00,` });
    expect(again).toMatchObject({ rows: 4, added: 1, duplicateFile: false });
    expect(await countFor(b.listingId)).toBe(3);
    const daily = await db.outcomeDaily.findMany({ where: { community: "importsub", kind: "PURCHASE", marketplace: "ZAZZLE" } });
    expect(daily.reduce((s, d) => s + d.quantity, 0)).toBe(5);
  });

  it("rejects a file in the wrong shape with the line and reason, storing nothing", async () => {
    const [a] = chains;
    const before = await db.outcomeEvent.count();
    const imports = await db.outcomeImport.count();
    await expect(importOutcomeCsv({ format: "zazzle", text: "Date,Product,Quantity\n2026-11-20,Cat tee,1" })).rejects.toThrow(/line 1: missing columns? "tc"/);
    const bad = [`Date,TC,Quantity,Sale Amount`, `2026-11-20,ml-${a.listingId},1,10.00`, `2026-11-20,ml-${a.listingId},two,10.00`, `yesterday,ml-${a.listingId},1,10.00`].join("\n");
    await expect(importOutcomeCsv({ format: "zazzle", text: bad })).rejects.toThrow(/line 3: quantity "two".*line 4: "yesterday" is not a date/);
    await expect(importOutcomeCsv({ format: "zazzle", text: `Date,TC,Quantity,Sale Amount\n2026-11-20,ml-nosuchlisting0000,1,10.00` })).rejects.toThrow(/line 2: no listing "nosuchlisting0000"/);
    await expect(importOutcomeCsv({ format: "generic", text: `date,listing_id,kind\n2026-11-20,${a.listingId},refund` })).rejects.toThrow(/line 2: kind "refund"/);
    expect(await db.outcomeEvent.count()).toBe(before);
    expect(await db.outcomeImport.count()).toBe(imports);
  });

  it("imports the generic CSV", async () => {
    const [, b] = chains;
    const r = await importOutcomeCsv({ format: "generic", text: `date,listing_id,kind,quantity,revenue,marketplace\n2026-11-23,${b.listingId},view,1,,local\n2026-11-23,ml-${b.listingId},purchase,1,25.00,printful` });
    expect(r.added).toBe(2);
  });
});

describe("Printful orders API import", () => {
  const seen: string[] = [];
  const orders = () => [
    { id: 9001, external_id: null, status: "fulfilled", created: 1_764_000_000, items: [{ id: 1, external_id: `${chains[0].listingId}-4012`, quantity: 1, retail_price: "29.99" }, { id: 2, external_id: "someone-elses", quantity: 1, retail_price: "9.99" }], costs: { currency: "USD", subtotal: "12.95", shipping: "4.75" }, retail_costs: { currency: "USD", total: "34.74" } },
    { id: 9002, external_id: null, status: "canceled", created: 1_764_000_100, items: [{ id: 3, external_id: `${chains[0].listingId}-4012`, quantity: 3, retail_price: "29.99" }], costs: { currency: "USD", subtotal: "38.85", shipping: "6.00" } },
  ];
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url} ${req.headers.authorization}`);
    if (req.headers.authorization !== "Bearer pf-test-key") return void res.writeHead(401).end(JSON.stringify({ code: 401, result: "Unauthorized", error: { reason: "Unauthorized", message: "bad key" } }));
    const u = new URL(req.url!, "http://x");
    if (u.pathname !== "/orders") return void res.writeHead(404).end("{}");
    const offset = Number(u.searchParams.get("offset"));
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ code: 200, result: offset === 0 ? orders() : [], paging: { total: 2, offset, limit: 100 } }));
  });
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    process.env.PRINTFUL_API_KEY = "pf-test-key";
    process.env.PRINTFUL_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    resetEnvCache();
  });
  afterAll(async () => {
    delete process.env.PRINTFUL_API_KEY;
    delete process.env.PRINTFUL_BASE_URL;
    resetEnvCache();
    await new Promise((r) => server.close(r));
  });

  it("stores our order lines as purchases and Printful's base cost and shipping as paid cost rows; a second run adds nothing", async () => {
    const first = await importPrintfulOrders();
    expect(first).toMatchObject({ orders: 2, lines: 1, added: 1, costRows: 2 });
    expect(seen[0]).toBe("GET /orders?offset=0&limit=100 Bearer pf-test-key");
    const ev = await db.outcomeEvent.findUniqueOrThrow({ where: { dedupeKey: "printful:9001:1" } });
    expect(ev).toMatchObject({ kind: "PURCHASE", marketplace: "PRINTFUL", revenueCents: 2999, orderId: "printful:9001", ideaId: chains[0].ideaId });
    const costs = await db.costEntry.findMany({ where: { orderId: "printful:9001" }, orderBy: { operation: "asc" } });
    expect(costs.map((c) => [c.operation, Number(c.amountMicros), c.paid])).toEqual([["base_cost", 12_950_000, true], ["shipping", 4_750_000, true]]);
    expect((await importPrintfulOrders()).added).toBe(0);
    expect(await db.costEntry.count({ where: { orderId: "printful:9001" } })).toBe(2);
  });
});

describe("storefront beacon", () => {
  it("stores views with attribution, counts experiment arms, refuses purchases from the browser", async () => {
    const [, b] = chains;
    const exp = await createExperiment({ listingId: b.listingId, kind: "TITLE", titles: ["Loaf mode", "Cat loaf supreme"] });
    const arm = exp.arms[0];
    const other = await makeChains(1);
    const added = await trackStorefront({ events: [
      { kind: "VIEW", listingId: b.listingId, experimentId: exp.id, armId: arm.id },
      { kind: "ADD_TO_CART", listingId: b.listingId, experimentId: exp.id, armId: arm.id },
      { kind: "VIEW", listingId: other[0].listingId, experimentId: exp.id, armId: "notanarmofthisexp" },
    ] });
    expect(added).toBe(3);
    expect(await db.experimentArm.findUniqueOrThrow({ where: { id: arm.id } })).toMatchObject({ views: 1, conversions: 1 });
    const stray = await db.outcomeEvent.findFirstOrThrow({ where: { listingId: other[0].listingId } });
    expect(stray.armId).toBeNull();
    await expect(trackStorefront({ events: [{ kind: "PURCHASE", listingId: b.listingId }] })).rejects.toThrow(/kind/);
    await expect(trackStorefront({ events: [] })).rejects.toThrow();
  });
});
