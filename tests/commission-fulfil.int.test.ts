import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../server/api/root";
import { db } from "../server/db";
import { resetEnvCache } from "../server/env";
import { fulfilCommission } from "../server/services/commissions/fulfil-commission";
import { commissionStatusByToken } from "../server/services/commissions/queries";
import { setSetting } from "../server/services/settings";
import { queue } from "../server/queues/connection";
import { PRINT_FILES_PRIORITY, printFilesJobId } from "../server/services/design/queue-print-files";
import { commission as commissionProcessor } from "../workers/processors/commission";
import { refund as refundProcessor } from "../workers/processors/refund";
import { makeUser } from "./helpers/factories";
import { commissionJobs, jobAttempt, makeTier, paidCommission, postUrl, redditFixture, refundJobs, useLocalPayments } from "./helpers/commissions";

let reddit: ReturnType<typeof redditFixture>;
let tierSlug: string;

beforeAll(async () => {
  useLocalPayments();
  reddit = redditFixture();
  tierSlug = (await makeTier()).slug;
});

const ENV_KEYS = ["IMAGE_PROVIDER", "SDXL_URL", "PUBLISHERS", "ZAZZLE_ASSOCIATE_ID"];
afterEach(async () => {
  for (const k of ENV_KEYS) delete process.env[k];
  resetEnvCache();
  await setSetting("commissionReview", false);
});

function freshPost(title = "Our street's giant pumpkin won the county fair") {
  const sub = `garden${Math.random().toString(36).slice(2, 8)}`;
  const [id] = reddit.subreddit(sub, [{ title }]);
  return postUrl(sub, id);
}

async function productsFor(commissionId: string) {
  const c = await db.commission.findUniqueOrThrow({ where: { id: commissionId } });
  return db.product.findMany({ where: { listing: { design: { idea: { signalId: c.signalId! } } } } });
}

describe("commission fulfilment", () => {
  it("makes exactly one product, and a second run changes nothing", async () => {
    const c = await paidCommission(tierSlug, freshPost());
    expect(await commissionJobs(c.id)).toHaveLength(1);
    const first = await fulfilCommission(c.id);
    expect(first.status).toBe("COMPLETED");
    expect(first.productId).toBeTruthy();
    const eventsAfterFirst = await db.commissionEvent.count({ where: { commissionId: c.id } });
    const second = await fulfilCommission(c.id);
    expect(second).toEqual(first);
    expect(await productsFor(c.id)).toHaveLength(1);
    expect(await db.commissionEvent.count({ where: { commissionId: c.id } })).toBe(eventsAfterFirst);

    const status = await commissionStatusByToken(c.publicToken);
    expect(status.status).toBe("COMPLETED");
    expect(status.product?.url).toMatch(/^\/products\//);
    const order = status.events.map((e) => e.type).filter((t) => ["paid", "fetching_post", "moderating", "writing_idea", "generating_design", "mockups", "print_files", "publishing", "done"].includes(t));
    expect([...new Set(order)]).toEqual(["paid", "fetching_post", "moderating", "writing_idea", "generating_design", "mockups", "publishing", "done"]);
    expect(status.stages.map((s) => s.key)).not.toContain("print_files");
    expect(status.stages.every((s) => s.reached)).toBe(true);

    // The shopper hears of the mockups when they exist; done comes from the preview alone: the print
    // files are not made yet, and their job waits on the design queue behind the designs to make.
    const announced = await db.commissionEvent.findFirstOrThrow({ where: { commissionId: c.id, type: "mockups" } });
    const product = await db.product.findUniqueOrThrow({ where: { id: first.productId! }, select: { listing: { select: { designId: true } } } });
    const designId = product.listing.designId;
    expect(announced.message).toMatch(/^\d+ mockups? ready$/);
    const lastMockup = await db.mockup.findFirstOrThrow({ where: { designId }, orderBy: { createdAt: "desc" } });
    expect(lastMockup.createdAt.getTime()).toBeLessThanOrEqual(announced.createdAt.getTime());
    const design = await db.design.findUniqueOrThrow({ where: { id: designId } });
    expect(design).toMatchObject({ status: "QUEUED", stage: "preview ready", finishedAt: null });
    expect(design.previewAt).toBeInstanceOf(Date);
    expect(await db.designFile.count({ where: { designId, kind: { in: ["PRINT", "MASTER"] } } })).toBe(0);
    const job = await queue("design").getJob(printFilesJobId(designId));
    expect(job?.data).toEqual({ designId, phase: "print-files" });
    expect(job?.opts.priority).toBe(PRINT_FILES_PRIORITY);
    expect(await job?.getState()).toBe("prioritized");
  });

  it("resumes after a run dies midway without redoing finished work", async () => {
    const c = await paidCommission(tierSlug, freshPost("A heron stole my sandwich at the lake"));
    // The storefront publisher is missing, so the run dies after the design is made.
    process.env.PUBLISHERS = "zazzle";
    process.env.ZAZZLE_ASSOCIATE_ID = "assoc-test";
    resetEnvCache();
    await expect(fulfilCommission(c.id)).rejects.toThrow(/storefront publisher/);
    const mid = await db.commission.findUniqueOrThrow({ where: { id: c.id }, include: { idea: { include: { designs: { include: { files: true, mockups: true } } } } } });
    expect(mid).toMatchObject({ status: "IN_PROGRESS", stage: "publishing", productId: null });
    expect(mid.idea!.designs).toHaveLength(1);
    const designId = mid.idea!.designs[0].id;
    // What the preview stored (thumbnail and mockups) is kept as it is by the re-run.
    const filesBefore = [...mid.idea!.designs[0].files, ...mid.idea!.designs[0].mockups].map((f) => `${f.id}:${f.updatedAt.toISOString()}`).sort();
    expect(filesBefore).toHaveLength(2);

    delete process.env.PUBLISHERS;
    delete process.env.ZAZZLE_ASSOCIATE_ID;
    resetEnvCache();
    const done = await fulfilCommission(c.id);
    expect(done.status).toBe("COMPLETED");
    const after = await db.commission.findUniqueOrThrow({ where: { id: c.id }, include: { idea: { include: { designs: { include: { files: true, mockups: true } } } } } });
    expect(after.ideaId).toBe(mid.ideaId);
    expect(after.signalId).toBe(mid.signalId);
    expect(after.idea!.designs.map((d) => d.id)).toEqual([designId]);
    expect([...after.idea!.designs[0].files, ...after.idea!.designs[0].mockups].map((f) => `${f.id}:${f.updatedAt.toISOString()}`).sort()).toEqual(filesBefore);
    expect(await db.idea.count({ where: { signalId: mid.signalId! } })).toBe(1);
    expect(await productsFor(c.id)).toHaveLength(1);
  });

  it("refunds exactly once when generation keeps failing, and the public status says so", async () => {
    process.env.IMAGE_PROVIDER = "sdxl";
    process.env.SDXL_URL = "http://127.0.0.1:9";
    resetEnvCache();
    const c = await paidCommission(tierSlug, freshPost("The library cat has a new favourite shelf"));
    await expect(commissionProcessor({ commissionId: c.id }, jobAttempt(0))).rejects.toThrow();
    expect((await db.commission.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("IN_PROGRESS");
    expect(await db.refund.count({ where: { commissionId: c.id } })).toBe(0);

    await expect(commissionProcessor({ commissionId: c.id }, jobAttempt(2))).rejects.toThrow();
    await expect(commissionProcessor({ commissionId: c.id }, jobAttempt(2))).resolves.toMatchObject({ status: "REFUND_PENDING" });
    const refunds = await db.refund.findMany({ where: { commissionId: c.id } });
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ status: "PENDING", reason: "fulfilment_failed", amountCents: 700 });
    expect(await refundJobs(refunds[0].id)).toHaveLength(1);

    await Promise.all([refundProcessor({ refundId: refunds[0].id }, jobAttempt(0)), refundProcessor({ refundId: refunds[0].id }, jobAttempt(0))]);
    await refundProcessor({ refundId: refunds[0].id }, jobAttempt(1));
    const row = await db.commission.findUniqueOrThrow({ where: { id: c.id }, include: { refunds: true, payments: true } });
    expect(row.status).toBe("REFUNDED");
    expect(row.refundedAt).toBeTruthy();
    expect(row.refunds).toHaveLength(1);
    expect(row.refunds[0].status).toBe("SUCCEEDED");
    expect(row.refunds[0].providerRefundId).toMatch(/^re_local_/);
    expect(row.payments[0].status).toBe("REFUNDED");
    expect(row.productId).toBeNull();
    expect(await db.commissionEvent.count({ where: { commissionId: c.id, type: "refunded" } })).toBe(1);

    const status = await commissionStatusByToken(c.publicToken);
    expect(status.status).toBe("REFUNDED");
    expect(status.refund).toMatchObject({ amountCents: 700, reason: "fulfilment_failed", status: "SUCCEEDED" });
    expect(status.product).toBeNull();
  });

  it("refunds a paid commission whose post turned unsafe after payment", async () => {
    const sub = `garden${Math.random().toString(36).slice(2, 8)}`;
    const [id] = reddit.subreddit(sub, [{ title: "A lovely quiet afternoon" }]);
    const c = await paidCommission(tierSlug, postUrl(sub, id));
    reddit.subreddit(sub, [{ id, title: "A lovely quiet afternoon", over_18: true }]);
    const r = await fulfilCommission(c.id);
    expect(r.status).toBe("REFUND_PENDING");
    const refund = await db.refund.findFirstOrThrow({ where: { commissionId: c.id } });
    expect(refund.reason).toBe("content_unsafe");
    await refundProcessor({ refundId: refund.id }, jobAttempt(0));
    expect((await commissionStatusByToken(c.publicToken)).refund).toMatchObject({ reason: "content_unsafe" });
    expect((await db.commission.findUniqueOrThrow({ where: { id: c.id } })).ideaId).toBeNull();
  });

  it("waits for review when review is on: rejection refunds once, approval continues", async () => {
    await setSetting("commissionReview", true);
    const admin = await makeUser("ADMIN");
    const api = createCaller({ user: admin });
    const rejected = await paidCommission(tierSlug, freshPost("Snow day on the allotment"));
    expect((await fulfilCommission(rejected.id)).status).toBe("NEEDS_REVIEW");
    const { refundId } = await api.commissions.reject({ id: rejected.id });
    await expect(api.commissions.reject({ id: rejected.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await refundProcessor({ refundId }, jobAttempt(0));
    const r = await db.commission.findUniqueOrThrow({ where: { id: rejected.id }, include: { refunds: true } });
    expect(r.status).toBe("REFUNDED");
    expect(r.refunds).toHaveLength(1);
    expect(r.productId).toBeNull();
    expect((await fulfilCommission(rejected.id)).status).toBe("REFUNDED");

    const approved = await paidCommission(tierSlug, freshPost("Snails racing after the rain"));
    expect((await fulfilCommission(approved.id)).status).toBe("NEEDS_REVIEW");
    await api.commissions.approve({ id: approved.id });
    expect((await commissionJobs(approved.id)).map((j) => j.id).sort()).toEqual([approved.id, `${approved.id}-approved`].sort());
    const done = await fulfilCommission(approved.id);
    expect(done.status).toBe("COMPLETED");
    expect(await productsFor(approved.id)).toHaveLength(1);
    await expect(createCaller({ user: await makeUser("VIEWER") }).commissions.approve({ id: approved.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
