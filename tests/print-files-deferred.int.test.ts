import sharp from "sharp";
import { Worker } from "bullmq";
import { afterEach, describe, expect, it } from "vitest";
import { createCaller } from "../server/api/root";
import { db } from "../server/db";
import { resetEnvCache } from "../server/env";
import { resetFulfilmentProvider } from "../server/providers/fulfilment";
import { storage } from "../server/providers/storage";
import { createRedis, queue, queuePrefix } from "../server/queues/connection";
import type { QueueName } from "../server/queues/contracts";
import { PRODUCT_SPECS, type ProductType } from "../server/services/design/products";
import { PRINT_FILES_PRIORITY, printFilesJobId } from "../server/services/design/queue-print-files";
import { releaseHeldWork } from "../server/services/design/release-held-work";
import { retryDesign } from "../server/services/design/retry-design";
import { runDesign } from "../server/services/design/run-design";
import { runPublication } from "../server/services/publishing/run-publication";
import { seedCatalogue } from "../server/services/shop/catalogue";
import { submitOrder, WAITING_FOR_PRINT_FILES } from "../server/services/shop/submit-order";
import { getProduct } from "../server/services/store/get-product";
import { processors } from "../workers/processors";
import { shopperWorkFirst } from "../workers/shopper-first";
import { tracked } from "../workers/tracked";
import { startPrintfulServer } from "./contract/printful-server";
import { completedCommission, makeTier, paidCommission, postUrl, redditFixture, useLocalPayments } from "./helpers/commissions";
import { makeUser } from "./helpers/factories";
import { paidOrder } from "./helpers/shop";
import { waitFor } from "./helpers/wait";

// Issue 13: a commission is done when its storefront product exists (made from the design's
// preview); the full-size print files follow in a low-priority design job, and nothing reaches the
// print provider or an external marketplace before they are all made.

const KEYS = ["PUBLISHERS", "PRINTFUL_API_KEY", "PRINTFUL_BASE_URL", "PRINTFUL_WEBHOOK_SECRET", "FULFILMENT_PROVIDER"] as const;
const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
const workers: Worker[] = [];

function setEnv(vars: Partial<Record<(typeof KEYS)[number], string>>) {
  Object.assign(process.env, vars);
  resetEnvCache();
  resetFulfilmentProvider();
}

/** The production processor of one queue in this process, as workers/index.ts runs it. */
function serve(name: QueueName) {
  const w = new Worker(name, tracked(name, processors[name] as never), { connection: createRedis(), prefix: queuePrefix(), concurrency: 2 });
  workers.push(w);
  return w;
}

afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.close()));
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
  resetFulfilmentProvider();
});

const postsTo = (printful: Awaited<ReturnType<typeof startPrintfulServer>>, orderId: string) =>
  printful.seen.filter((r) => r.method === "POST" && r.path === "/orders" && (r.body as { external_id?: string })?.external_id === orderId).length;

describe("the design worker lets commissions go first", () => {
  it("holds each full-size file while a commission job waits or runs, and for no longer than its budget", async () => {
    const pending = (p: Promise<unknown>, ms: number) => Promise.race([p.then(() => "resolved"), new Promise((r) => setTimeout(() => r("pending"), ms))]);
    const commission = await queue("commission").add("commission", { commissionId: "c-waiting" }, { jobId: `shopper-first-${Date.now()}` });
    const hold = shopperWorkFirst(20_000)();
    expect(await pending(hold, 700)).toBe("pending");
    await commission.remove();
    expect(await pending(hold, 1_000)).toBe("resolved");

    // A commission that never leaves the queue (no commission worker) delays the files by the budget only.
    const stuck = await queue("commission").add("commission", { commissionId: "c-stuck" }, { jobId: `shopper-first-stuck-${Date.now()}` });
    const started = Date.now();
    const bounded = shopperWorkFirst(600);
    await bounded();
    expect(Date.now() - started).toBeGreaterThanOrEqual(550);
    const again = Date.now();
    await bounded(); // the budget is per job, spent already
    expect(Date.now() - again).toBeLessThan(100);
    await stuck.remove();
  });
});

describe("print files after the commission is done", () => {
  it("completes from the preview; the print-files job makes the design DONE, then the waiting order and Printful listing go on, once", async () => {
    const printful = await startPrintfulServer({ apiKey: "pf-defer" });
    try {
      setEnv({ PUBLISHERS: "local,printful", PRINTFUL_API_KEY: "pf-defer", PRINTFUL_BASE_URL: printful.url, PRINTFUL_WEBHOOK_SECRET: "defer-webhook-secret-0123456789", FULFILMENT_PROVIDER: "printful" });
      useLocalPayments();
      await seedCatalogue();
      const reddit = redditFixture();
      const sub = `garden${Math.random().toString(36).slice(2, 8)}`;
      const [postId] = reddit.subreddit(sub, [{ title: "The bakery's sourdough starter turned ten today" }]);

      // Commissions, orders and publications are served; the design queue is not, yet.
      for (const q of ["commission", "fulfilment", "publish"] as const) serve(q);
      const c = await paidCommission((await makeTier()).slug, postUrl(sub, postId));
      const completed = await waitFor("the commission to complete", async () => {
        const row = await db.commission.findUniqueOrThrow({ where: { id: c.id } });
        return row.status === "COMPLETED" ? row : null;
      });

      // Done for the shopper, with a product on the storefront: made from the preview alone.
      const product = await db.product.findUniqueOrThrow({ where: { id: completed.productId! }, include: { listing: { include: { design: true, publications: true } } } });
      const designId = product.listing.designId;
      expect(product.listing.design.status).toBe("QUEUED");
      expect(product.listing.design.previewAt!.getTime()).toBeLessThanOrEqual(completed.completedAt!.getTime());
      expect(await db.designFile.count({ where: { designId, kind: { in: ["PRINT", "MASTER"] } } })).toBe(0);
      const page = await getProduct(product.slug);
      expect(page?.mockups.map((m) => m.productType)).toEqual(["tee"]);
      expect(product.listing.publications.map((p) => [p.marketplace, p.status])).toEqual([["LOCAL", "PUBLISHED"]]);
      // Its variants come from the design's product types (its mockups), not from print files.
      const variants = await db.productVariant.findMany({ where: { productId: product.id }, include: { catalogVariant: true } });
      expect(variants.length).toBeGreaterThan(0);
      expect(new Set(variants.map((v) => v.catalogVariant.productType))).toEqual(new Set(["tee"]));
      const printJob = await queue("design").getJob(printFilesJobId(designId));
      expect(printJob?.opts.priority).toBe(PRINT_FILES_PRIORITY);
      expect(await printJob?.getState()).toBe("prioritized");

      // An admin approves Printful before the print files exist: the publication is made but not
      // queued, and running it anyway is refused without touching the row.
      await createCaller({ user: await makeUser("ADMIN") }).review.approve({ listingId: product.listingId });
      const pf = await db.publication.findFirstOrThrow({ where: { listingId: product.listingId, marketplace: "PRINTFUL" } });
      expect(pf.status).toBe("QUEUED");
      expect(await queue("publish").getJob(pf.id)).toBeUndefined();
      await expect(runPublication(pf.id)).rejects.toMatchObject({ code: "PRECONDITION_FAILED", details: { deferred: true } });
      expect(await db.publication.findUniqueOrThrow({ where: { id: pf.id } })).toMatchObject({ status: "QUEUED", attempts: 0 });
      expect(printful.products.size).toBe(0);

      // A shopper buys the tee: its submission job runs and waits, nothing goes to Printful.
      const tee = variants.find((v) => v.catalogVariant.size === "M" && v.catalogVariant.colour === "White")!;
      const order = await paidOrder([{ variantId: tee.id, quantity: 1 }]);
      const firstRun = await waitFor("the order's submission job", () => db.jobRun.findFirst({ where: { id: `fulfilment-${order.id}`, status: { in: ["DONE", "FAILED"] } } }));
      expect(firstRun).toMatchObject({ status: "DONE", result: { outcome: WAITING_FOR_PRINT_FILES, designs: [designId] } });
      expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "PAID", problem: WAITING_FOR_PRINT_FILES, fulfilmentId: null });
      expect(postsTo(printful, order.id)).toBe(0);

      // The design queue is served: the print files are made and what waited goes on.
      serve("design");
      const done = await waitFor("the design to be DONE", async () => {
        const d = await db.design.findUniqueOrThrow({ where: { id: designId } });
        return d.status === "DONE" ? d : d.status === "FAILED" ? Promise.reject(new Error(d.error ?? "failed")) : null;
      });
      expect(done.finishedAt!.getTime()).toBeGreaterThan(completed.completedAt!.getTime());
      const prints = await db.designFile.findMany({ where: { designId, kind: "PRINT" } });
      expect(prints.map((p) => p.productType)).toEqual(["tee"]);
      for (const p of prints) {
        const spec = PRODUCT_SPECS[p.productType as ProductType];
        const meta = await sharp((await storage().get(p.storageKey))!).metadata();
        expect({ w: meta.width, h: meta.height, dpi: meta.density, alpha: meta.hasAlpha }).toEqual({ w: spec.width, h: spec.height, dpi: 300, alpha: true });
      }
      expect(await db.designFile.count({ where: { designId, kind: "MASTER" } })).toBe(1);

      const submitted = await waitFor("the order to reach Printful", async () => {
        const o = await db.order.findUniqueOrThrow({ where: { id: order.id } });
        return o.status === "SUBMITTED" ? o : null;
      });
      expect(submitted).toMatchObject({ fulfilmentProvider: "printful", problem: null });
      const published = await waitFor("the Printful publication", async () => {
        const p = await db.publication.findUniqueOrThrow({ where: { id: pf.id } });
        return p.status === "PUBLISHED" ? p : null;
      });
      expect(published.externalId).toBeTruthy();
      // Printful got the stored tee print file, uploaded by its URL.
      expect(printful.files.map((f) => f.url)).toEqual([storage().publicUrl(prints[0].storageKey)]);
      expect(printful.products.get(product.listingId)?.variants.length).toBeGreaterThan(0);
      const sent = printful.orders.get(order.id)!;
      expect(sent.items).toHaveLength(1);

      // Exactly once, however often the hand-on or the submission runs again.
      await releaseHeldWork(designId);
      await submitOrder(order.id);
      await new Promise((r) => setTimeout(r, 300));
      expect(postsTo(printful, order.id)).toBe(1);
      expect([...printful.orders.values()].filter((o) => o.external_id === order.id)).toHaveLength(1);
      expect(await db.orderEvent.count({ where: { orderId: order.id, type: "submitted" } })).toBe(1);
      expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("SUBMITTED");
    } finally {
      await Promise.all(workers.splice(0).map((w) => w.close()));
      await printful.close();
    }
  });

  it("print files that keep failing leave the design FAILED with its error and the order waiting; an admin retry makes only the print files", async () => {
    const { commission: c, done, product, designId } = await completedCommission("A kite festival on the windiest beach");
    expect(done.status).toBe("COMPLETED");

    // Each attempt of the print-files job dies at its first file (as a crash would).
    const dying = () => Promise.reject(new Error("the renderer ran out of memory"));
    for (let attempt = 0; attempt < 3; attempt++) await expect(runDesign(designId, { beforePrintFile: dying })).rejects.toThrow(/out of memory/);
    const failed = await db.design.findUniqueOrThrow({ where: { id: designId } });
    expect(failed).toMatchObject({ status: "FAILED", error: "the renderer ran out of memory", attempts: 4 });
    // The storefront product stays (nothing to refund), the commission stays done.
    expect((await db.commission.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("COMPLETED");
    expect(await getProduct(product.slug)).not.toBeNull();

    // An order meanwhile is not dropped: it waits, and an admin sees why.
    const order = await paidOrder([{ variantId: product.variants[0].id, quantity: 1 }]);
    expect(await submitOrder(order.id)).toMatchObject({ outcome: WAITING_FOR_PRINT_FILES });
    expect(await releaseHeldWork(designId)).toEqual({ publications: 0, orders: 0 });
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "PAID", problem: WAITING_FOR_PRINT_FILES });

    // The admin's retry queues the print files only (the product exists); they make it DONE and the
    // order goes on.
    await retryDesign(designId);
    const job = await queue("design").getJob(`${designId}-retry-4`);
    expect(job?.data).toEqual({ designId, phase: "print-files" });
    expect(await runDesign(designId)).toMatchObject({ status: "DONE" });
    expect(await releaseHeldWork(designId)).toEqual({ publications: 0, orders: 1 });
    expect(await queue("fulfilment").getJob(`${order.id}-print-files-${designId}`)).toBeDefined();
    expect(await submitOrder(order.id)).toMatchObject({ outcome: "submitted" });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("SUBMITTED");
  });
});
