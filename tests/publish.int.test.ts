import { afterEach, describe, expect, it } from "vitest";
import { db } from "../server/db";
import { resetEnvCache } from "../server/env";
import { storage } from "../server/providers/storage";
import { LocalPublisher, packageKey } from "../server/providers/publishers/local";
import { buildListingPackage } from "../server/services/publishing/build-package";
import { queue } from "../server/queues/connection";
import { queuePublications } from "../server/services/publishing/queue-publications";
import { runPublication } from "../server/services/publishing/run-publication";
import { retryPublication } from "../server/services/publishing/retry-publication";
import { publish } from "../workers/processors/publish";
import { createCaller } from "../server/api/root";
import { makeUser } from "./helpers/factories";
import { makeListing } from "./helpers/listings";
import { expectedFromPrice } from "./helpers/listings";
import { startPrintfulServer } from "./contract/printful-server";

const saved = { PUBLISHERS: process.env.PUBLISHERS, ZAZZLE_ASSOCIATE_ID: process.env.ZAZZLE_ASSOCIATE_ID, PRINTFUL_API_KEY: process.env.PRINTFUL_API_KEY, PRINTFUL_BASE_URL: process.env.PRINTFUL_BASE_URL };
function setEnv(vars: Partial<typeof saved>) {
  Object.assign(process.env, vars);
  resetEnvCache();
}
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
});

describe("queuePublications", () => {
  it("creates one publication per configured publisher, enqueues each once, and is idempotent", async () => {
    setEnv({ PUBLISHERS: "local,zazzle", ZAZZLE_ASSOCIATE_ID: "238123" });
    const { listing } = await makeListing();
    const first = await queuePublications({ listingId: listing.id });
    expect(first.map((p) => p.marketplace).sort()).toEqual(["LOCAL", "ZAZZLE"]);
    expect(first.every((p) => p.status === "QUEUED")).toBe(true);
    for (const p of first) expect((await queue("publish").getJob(p.id))?.data).toEqual({ publicationId: p.id });

    const second = await queuePublications({ listingId: listing.id });
    expect(second.map((p) => p.id).sort()).toEqual(first.map((p) => p.id).sort());
    expect(await db.publication.count({ where: { listingId: listing.id } })).toBe(2);
  });

  it("does not enqueue when asked not to, and refuses an unknown listing", async () => {
    const { listing } = await makeListing();
    const rows = await queuePublications({ listingId: listing.id, enqueue: false });
    expect(rows).toHaveLength(1);
    expect(await queue("publish").getJob(rows[0].id)).toBeUndefined();
    await expect(queuePublications({ listingId: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("runPublication (storefront)", () => {
  it("publishes the package and exactly one product even when run twice, sequentially and concurrently", async () => {
    const { listing, idea, design, signal } = await makeListing({ productTypes: ["mug", "tee"], community: "cats" });
    const [pub] = await queuePublications({ listingId: listing.id, enqueue: false });

    const results = await Promise.allSettled([runPublication(pub.id), runPublication(pub.id)]);
    expect(results.some((r) => r.status === "fulfilled")).toBe(true);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CONFLICT" });
    const again = await runPublication(pub.id);

    const products = await db.product.findMany({ where: { listingId: listing.id } });
    expect(products).toHaveLength(1);
    const product = products[0];
    expect(product).toMatchObject({ title: listing.title, community: signal.community, priceCents: await expectedFromPrice(product.id, 2500), currency: "usd", coverKey: `designs/${design.id}/mockup-tee.png` });
    expect(product.slug).toMatch(/^cat-loaf-supreme-[a-z0-9-]+$/);

    expect(again).toMatchObject({ status: "PUBLISHED", externalId: product.id, url: `http://localhost:3000/products/${product.slug}`, lastError: null, attempts: 1 });
    expect(again.publishedAt).toBeInstanceOf(Date);
    expect((await db.idea.findUniqueOrThrow({ where: { id: idea.id } })).status).toBe("PUBLISHED");

    const doc = JSON.parse((await storage().get(packageKey(listing.id)))!.toString("utf8"));
    expect(doc).toMatchObject({ listingId: listing.id, title: listing.title, bullets: listing.bullets, tags: listing.tags, trackingCode: `ml-${listing.id}` });
    expect(doc.printFiles.map((f: { key: string }) => f.key).sort()).toEqual([`designs/${design.id}/print-mug.png`, `designs/${design.id}/print-tee.png`]);
    expect(doc.printFiles[0].url).toBe(storage().publicUrl(doc.printFiles[0].key));

    // The publisher itself is safe to race: two concurrent publishes upsert the same row.
    const pkg = await buildListingPackage(listing.id);
    const [a, b] = await Promise.all([new LocalPublisher().publish(pkg), new LocalPublisher().publish(pkg)]);
    expect(a).toEqual(b);
    expect(await db.product.count({ where: { listingId: listing.id } })).toBe(1);
  });

  it("records FAILED with lastError, and a dashboard retry re-queues it (audited) and then publishes", async () => {
    const admin = await makeUser("ADMIN");
    const { listing, design } = await makeListing({ productTypes: ["tee"] });
    await db.mockup.deleteMany({ where: { designId: design.id } });
    await db.designFile.deleteMany({ where: { designId: design.id } });
    const [pub] = await queuePublications({ listingId: listing.id, enqueue: false });

    await expect(runPublication(pub.id)).rejects.toThrow(/no mockups or print files/);
    const failed = await db.publication.findUniqueOrThrow({ where: { id: pub.id } });
    expect(failed).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(failed.lastError).toMatch(/no mockups or print files/);
    expect(await db.product.count({ where: { listingId: listing.id } })).toBe(0);

    // The processor marks such an error unrecoverable so BullMQ does not retry it blindly.
    await expect(publish({ publicationId: pub.id }, {} as never)).rejects.toMatchObject({ name: "UnrecoverableError" });

    await db.mockup.create({ data: { designId: design.id, productType: "tee", storageKey: `designs/${design.id}/mockup-tee.png`, width: 60, height: 72 } });
    const retried = await createCaller({ user: admin }).publications.retry({ publicationId: pub.id });
    expect(retried).toMatchObject({ status: "QUEUED", lastError: null });
    expect(await queue("publish").getJob(pub.id)).toBeDefined();
    expect(await db.auditLog.count({ where: { action: "publication.retry", entityId: pub.id, actorId: admin.id } })).toBe(1);

    const done = await runPublication(pub.id);
    expect(done).toMatchObject({ status: "PUBLISHED", attempts: 3, lastError: null });
    expect(await db.product.count({ where: { listingId: listing.id } })).toBe(1);
    await expect(retryPublication(pub.id)).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("runPublication (marketplaces)", () => {
  it("publishes to Printful with the stored print files' public URLs, and Zazzle as a link", async () => {
    const server = await startPrintfulServer({ apiKey: "pf-key" });
    try {
      setEnv({ PUBLISHERS: "local,printful,zazzle", PRINTFUL_API_KEY: "pf-key", PRINTFUL_BASE_URL: server.url, ZAZZLE_ASSOCIATE_ID: "238123" });
      const { listing, design, idea } = await makeListing({ productTypes: ["tee"] });
      const pubs = await queuePublications({ listingId: listing.id, enqueue: false });
      const byMp = Object.fromEntries(pubs.map((p) => [p.marketplace, p]));

      const printful = await runPublication(byMp.PRINTFUL.id);
      expect(server.files.map((f) => f.url)).toEqual([storage().publicUrl(`designs/${design.id}/print-tee.png`)]);
      expect(printful).toMatchObject({ status: "PUBLISHED", externalId: String(server.products.get(listing.id)!.id) });
      // LOCAL is configured, so only the storefront publication marks the idea published.
      expect((await db.idea.findUniqueOrThrow({ where: { id: idea.id } })).status).toBe("DESIGNED");

      const zazzle = await runPublication(byMp.ZAZZLE.id);
      expect(zazzle.externalId).toBe(`ml-${listing.id}`);
      expect(new URL(zazzle.url!).searchParams.get("t_image1_url")).toBe(storage().publicUrl(`designs/${design.id}/print-tee.png`));
    } finally {
      await server.close();
    }
  });
});

describe("publications router", () => {
  it("lists with filters and cursor pages in a constant number of statements, for dashboard users only", async () => {
    const admin = await makeUser("ADMIN");
    const viewer = await makeUser("VIEWER");
    await expect(createCaller({ user: null }).publications.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(Array.isArray((await createCaller({ user: viewer }).publications.list({})).items)).toBe(true);
    await expect(createCaller({ user: viewer }).publications.retry({ publicationId: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    for (let i = 0; i < 3; i++) {
      const { listing } = await makeListing({ productTypes: ["tee"] });
      await queuePublications({ listingId: listing.id, enqueue: false });
    }
    const caller = createCaller({ user: admin });
    const page1 = await caller.publications.list({ status: "QUEUED", marketplace: "LOCAL", take: 2 });
    expect(page1.items).toHaveLength(2);
    expect(page1.items.every((p) => p.status === "QUEUED" && p.marketplace === "LOCAL")).toBe(true);
    expect(page1.items[0].listing.title).toMatch(/Cat Loaf Supreme/);
    const page2 = await caller.publications.list({ status: "QUEUED", marketplace: "LOCAL", take: 2, cursor: page1.nextCursor! });
    expect(page2.items.map((p) => p.id)).not.toContain(page1.items[0].id);

    const { statementCounter } = await import("../server/db-adapter");
    const count = async (take: number) => {
      const before = statementCounter.count;
      await caller.publications.list({ take });
      return statementCounter.count - before;
    };
    expect(await count(2)).toBe(await count(50));
  });
});
