import { afterEach, describe, expect, it } from "vitest";
import { createCaller } from "../server/api/root";
import { db } from "../server/db";
import { resetEnvCache } from "../server/env";
import { resetOpenAI } from "../server/providers/openai/client";
import { queue } from "../server/queues/connection";
import { fulfilCommission } from "../server/services/commissions/fulfil-commission";
import { checkListingCopy } from "../server/services/moderation/check-listing-copy";
import { publishDesign } from "../server/services/publishing/publish-design";
import { runPublication } from "../server/services/publishing/run-publication";
import { setSetting } from "../server/services/settings";
import { publish as publishProcessor } from "../workers/processors/publish";
import { design as designProcessor } from "../workers/processors/design";
import { startOpenAIServer } from "./contract/openai-server";
import { startPrintfulServer } from "./contract/printful-server";
import { makeUser } from "./helpers/factories";
import { makeListing } from "./helpers/listings";
import { makeTier, paidCommission, postUrl, redditFixture, useLocalPayments } from "./helpers/commissions";

const KEYS = ["PUBLISHERS", "PRINTFUL_API_KEY", "PRINTFUL_BASE_URL", "OPENAI_API_KEY", "OPENAI_BASE_URL", "IDEA_PROVIDER", "EMBEDDING_PROVIDER", "IMAGE_PROVIDER"] as const;
const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
function setEnv(vars: Partial<Record<(typeof KEYS)[number], string>>) {
  Object.assign(process.env, vars);
  resetEnvCache();
  resetOpenAI();
}
afterEach(async () => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
  resetOpenAI();
  await setSetting("autoPublish", {});
});

/** Runs every queued `publish` job of a listing the way the worker does (the processor, by job id). */
async function drainPublishJobs(listingId: string) {
  const pubs = await db.publication.findMany({ where: { listingId, status: "QUEUED" } });
  for (const p of pubs) {
    const job = await queue("publish").getJob(p.id);
    expect(job, `a publish job for ${p.marketplace}`).toBeDefined();
    await publishProcessor(job!.data as { publicationId: string }, job! as never);
  }
  return pubs.length;
}

describe("review gate before marketplaces", () => {
  it("a design published with review on waits for approval, and reaches Printful only after it", async () => {
    const printful = await startPrintfulServer({ apiKey: "pf-review" });
    try {
      setEnv({ PUBLISHERS: "local,printful", PRINTFUL_API_KEY: "pf-review", PRINTFUL_BASE_URL: printful.url });
      const admin = await makeUser("ADMIN");
      const { design, listing } = await makeListing({ productTypes: ["tee"] });

      const first = await publishDesign({ designId: design.id });
      expect(first).toMatchObject({ publications: [], held: null });
      expect(first.waitingForReview.sort()).toEqual(["LOCAL", "PRINTFUL"]);
      expect(await db.publication.count({ where: { listingId: listing.id } })).toBe(0);
      expect((await db.listing.findUniqueOrThrow({ where: { id: listing.id } })).reviewStatus).toBe("PENDING");
      // Running it again (a retried design job) changes nothing.
      await publishDesign({ designId: design.id });
      expect(await db.publication.count({ where: { listingId: listing.id } })).toBe(0);
      expect(printful.products.size).toBe(0);

      // The review screen lists it with art, mockups and copy; a viewer may look but not approve.
      const waiting = await createCaller({ user: admin }).review.list({});
      const row = waiting.items.find((i) => i.id === listing.id)!;
      expect(row.mockups.map((m) => m.productType)).toEqual(["tee"]);
      expect(row.title).toBe(listing.title);
      const viewer = await makeUser("VIEWER");
      expect((await createCaller({ user: viewer }).review.list({})).items.some((i) => i.id === listing.id)).toBe(true);
      await expect(createCaller({ user: viewer }).review.approve({ listingId: listing.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect(printful.products.size).toBe(0);

      // The admin edits the title and approves: both publications are queued and run.
      const title = `Reviewed loaf ${listing.id.slice(-6)}`;
      await createCaller({ user: admin }).review.approve({ listingId: listing.id, copy: { title } });
      expect(await drainPublishJobs(listing.id)).toBe(2);
      const onPrintful = printful.products.get(listing.id);
      expect(onPrintful?.name).toBe(title);
      expect(await db.product.count({ where: { listingId: listing.id, title } })).toBe(1);
      const audit = await db.auditLog.findFirstOrThrow({ where: { action: "listing.approve", entityId: listing.id } });
      expect(audit).toMatchObject({ actorId: admin.id, data: { edited: ["title"] } });
      await expect(createCaller({ user: admin }).review.approve({ listingId: listing.id })).rejects.toMatchObject({ code: "CONFLICT" });
    } finally {
      await printful.close();
    }
  });

  it("auto-publish is per marketplace, stored and audited; the others still wait", async () => {
    setEnv({ PUBLISHERS: "local,printful", PRINTFUL_API_KEY: "pf-x", PRINTFUL_BASE_URL: "http://127.0.0.1:9" });
    const admin = await makeUser("ADMIN");
    const caller = createCaller({ user: admin });
    expect(await caller.review.autoPublish()).toEqual([{ marketplace: "LOCAL", auto: false }, { marketplace: "PRINTFUL", auto: false }]);
    await caller.review.setAutoPublish({ marketplace: "LOCAL", enabled: true });
    await expect(createCaller({ user: await makeUser("VIEWER") }).review.setAutoPublish({ marketplace: "PRINTFUL", enabled: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.auditLog.count({ where: { action: "setting.update", entityId: "autoPublish", actorId: admin.id } })).toBe(1);

    const { design, listing } = await makeListing({ productTypes: ["tee"] });
    const res = await publishDesign({ designId: design.id });
    expect(res.publications.map((p) => p.marketplace)).toEqual(["LOCAL"]);
    expect(res.waitingForReview).toEqual(["PRINTFUL"]);
    expect(await queue("publish").getJob(res.publications[0].id)).toBeDefined();
    expect((await db.listing.findUniqueOrThrow({ where: { id: listing.id } })).reviewStatus).toBe("PENDING");
    expect(await db.publication.count({ where: { listingId: listing.id, marketplace: "PRINTFUL" } })).toBe(0);
  });

  it("holds copy that fails the denylist until an admin rewrites it; bulk approve reports what it could not approve", async () => {
    setEnv({ PUBLISHERS: "local" });
    await setSetting("autoPublish", { LOCAL: true });
    const admin = await makeUser("ADMIN");
    const bad = await makeListing({ title: "Disney princess loaf tee" });
    const good = await makeListing();
    const held = await publishDesign({ designId: bad.design.id });
    expect(held).toMatchObject({ held: "denylist:disney", publications: [] });
    const row = await db.listing.findUniqueOrThrow({ where: { id: bad.listing.id } });
    expect(row).toMatchObject({ reviewStatus: "PENDING", reviewNote: "Held by moderation (denylist:disney)" });
    expect(await db.auditLog.count({ where: { action: "listing.held", entityId: bad.listing.id } })).toBe(1);

    await db.listing.update({ where: { id: good.listing.id }, data: { reviewStatus: "PENDING" } });
    const bulk = await createCaller({ user: admin }).review.bulkApprove({ listingIds: [bad.listing.id, good.listing.id] });
    expect(bulk.approved).toEqual([good.listing.id]);
    expect(bulk.refused).toEqual([{ listingId: bad.listing.id, reason: expect.stringContaining("denylist:disney") }]);
    expect(await db.publication.count({ where: { listingId: bad.listing.id } })).toBe(0);
    expect(await db.publication.count({ where: { listingId: good.listing.id, marketplace: "LOCAL" } })).toBe(1);

    await createCaller({ user: admin }).review.approve({ listingId: bad.listing.id, copy: { title: "Princess loaf tee", tags: ["loaf"] } });
    expect((await db.listing.findUniqueOrThrow({ where: { id: bad.listing.id } })).reviewStatus).toBe("APPROVED");
    expect(await db.publication.count({ where: { listingId: bad.listing.id } })).toBe(1);
  });

  it("rejects in bulk (audited) and nothing is published", async () => {
    setEnv({ PUBLISHERS: "local" });
    const admin = await makeUser("ADMIN");
    const a = await makeListing();
    const b = await makeListing();
    await publishDesign({ designId: a.design.id });
    await publishDesign({ designId: b.design.id });
    const res = await createCaller({ user: admin }).review.reject({ listingIds: [a.listing.id, b.listing.id], note: "off brand" });
    expect(res.rejected.sort()).toEqual([a.listing.id, b.listing.id].sort());
    expect(await db.auditLog.count({ where: { action: "listing.reject", entityId: { in: [a.listing.id, b.listing.id] }, actorId: admin.id } })).toBe(2);
    await setSetting("autoPublish", { LOCAL: true });
    await publishDesign({ designId: a.design.id }); // a rerun keeps the decision, even with auto-publish on
    expect(await db.publication.count({ where: { listingId: { in: [a.listing.id, b.listing.id] } } })).toBe(0);
    await expect(createCaller({ user: admin }).review.approve({ listingId: a.listing.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("asks OpenAI's moderation endpoint when keyed, through the official SDK, and fails closed", async () => {
    const server = await startOpenAIServer();
    try {
      setEnv({ OPENAI_API_KEY: "sk-test-contract", OPENAI_BASE_URL: server.baseURL, IDEA_PROVIDER: "local", EMBEDDING_PROVIDER: "local", IMAGE_PROVIDER: "local" });
      const copy = { title: "Loaf tee", description: "A calm cat loaf.", bullets: ["Soft"], tags: ["cat"] };
      expect(await checkListingCopy(copy)).toEqual({ ok: true });
      expect(await checkListingCopy({ ...copy, description: "A hateful slogan" })).toEqual({ ok: false, reason: "openai:hate" });
      const calls = server.requests.filter((r) => r.path === "/v1/moderations");
      expect(calls).toHaveLength(2);
      expect(calls[1].body).toMatchObject({ model: "omni-moderation-latest", input: ["Loaf tee", "A hateful slogan", "Soft", "cat"] });
      setEnv({ OPENAI_API_KEY: "sk-wrong-key" });
      expect(await checkListingCopy(copy)).toEqual({ ok: false, reason: "moderation_error" });
    } finally {
      await server.close();
    }
  });

  it("a paid commission still gets its storefront product at once; its external marketplaces wait for review", async () => {
    const printful = await startPrintfulServer({ apiKey: "pf-commission" });
    try {
      useLocalPayments();
      const reddit = redditFixture();
      const sub = `garden${Math.random().toString(36).slice(2, 8)}`;
      const [postId] = reddit.subreddit(sub, [{ title: "Our street's giant pumpkin won the county fair" }]);
      setEnv({ PUBLISHERS: "local,printful", PRINTFUL_API_KEY: "pf-commission", PRINTFUL_BASE_URL: printful.url });
      const c = await paidCommission((await makeTier()).slug, postUrl(sub, postId));
      const done = await fulfilCommission(c.id);
      expect(done.status).toBe("COMPLETED");
      const product = await db.product.findUniqueOrThrow({ where: { id: done.productId! }, include: { listing: { include: { publications: true } } } });
      expect(product.listing.publications.map((p) => [p.marketplace, p.status])).toEqual([["LOCAL", "PUBLISHED"]]);
      expect(product.listing.reviewStatus).toBe("PENDING");
      expect(printful.products.size).toBe(0);
      const admin = await makeUser("ADMIN");
      await createCaller({ user: admin }).review.approve({ listingId: product.listingId });
      const pf = await db.publication.findFirstOrThrow({ where: { listingId: product.listingId, marketplace: "PRINTFUL" } });
      // Approved before its print files exist (they follow the commission): not queued, and refused.
      expect(await queue("publish").getJob(pf.id)).toBeUndefined();
      await expect(runPublication(pf.id)).rejects.toMatchObject({ code: "PRECONDITION_FAILED", details: { deferred: true } });
      expect(printful.products.size).toBe(0);
      // The print-files job: the design is DONE, and the waiting publication gets its job.
      const designId = (await db.listing.findUniqueOrThrow({ where: { id: product.listingId } })).designId;
      // The commission ran inline above: drop its queued job, which the design job would let go first.
      await (await queue("commission").getJob(c.id))?.remove();
      await designProcessor({ designId, phase: "print-files" }, { updateProgress: async () => undefined } as never);
      expect(await drainPublishJobs(product.listingId)).toBe(1);
      expect(printful.products.has(product.listingId)).toBe(true);
    } finally {
      await printful.close();
    }
  });
});
