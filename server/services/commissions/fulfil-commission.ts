import type { Commission, CommissionTier, Design } from "@prisma/client";
import { db } from "../../db";
import { AppError, isAppError } from "../../errors";
import { approveIdea } from "../ideas/approve-idea";
import { writeIdeaForSignal } from "../ideas/write-idea";
import { signalFromRedditPost } from "../ingest/signal-from-post";
import { checkContent } from "../moderation/check-content";
import { runDesign, type DesignStep } from "../design/run-design";
import { queuePrintFiles } from "../design/queue-print-files";
import { publishDesign } from "../publishing/publish-design";
import { runPublication } from "../publishing/run-publication";
import { getSetting } from "../settings";
import { completeCommission, endUnfulfilled, type FulfilResult } from "./end-unfulfilled";
import { recordEvent } from "./events";
import { FulfilmentAbort, pickSource } from "./pick-post";
import { PRODUCT_TYPES, qualityOf, stageLabel } from "../../../lib/vocabulary";
import { transition } from "./state";

type Loaded = Commission & { tier: CommissionTier };
export type { FulfilResult };

const load = (id: string) => db.commission.findUnique({ where: { id }, include: { tier: true } });

/** Enters a stage, only while the commission is still in progress (a refund meanwhile keeps its own stage). */
export async function enterStage(commissionId: string, key: string, progress: number, message = `${stageLabel(key)}…`) {
  const moved = await db.commission.updateMany({ where: { id: commissionId, status: "IN_PROGRESS" }, data: { stage: key } });
  if (moved.count === 1) await recordEvent(commissionId, { type: key, message, progress, dedupeKey: key });
  return moved.count === 1;
}

const stage = (c: Loaded, key: string, progress: number, message?: string) => enterStage(c.id, key, progress, message);

/** Stops between stages when an admin refunded or a review paused the commission meanwhile. */
async function stillActive(id: string) {
  const now = await db.commission.findUnique({ where: { id }, select: { status: true } });
  return now?.status === "IN_PROGRESS";
}

async function fetchSignal(c: Loaded): Promise<string> {
  if (c.signalId) return c.signalId;
  await stage(c, "fetching_post", 10);
  const picked = await pickSource(c);
  const signalId = "signalId" in picked ? picked.signalId : (await signalFromRedditPost(picked.post)).id;
  await db.commission.updateMany({ where: { id: c.id, signalId: null }, data: { signalId } });
  return (await db.commission.findUniqueOrThrow({ where: { id: c.id }, select: { signalId: true } })).signalId!;
}

async function moderate(c: Loaded, signalId: string) {
  await stage(c, "moderating", 20);
  const s = await db.signal.findUniqueOrThrow({ where: { id: signalId } });
  if (s.status === "REJECTED") throw new FulfilmentAbort("content_unsafe", `The post did not pass moderation (${s.rejectReason ?? "rejected"})`);
  const raw = (s.raw ?? {}) as { over_18?: boolean; over18?: boolean };
  const verdict = await checkContent({ title: s.title, body: s.body, community: s.community, over18: !!(raw.over_18 ?? raw.over18), subredditNsfw: false });
  if (!verdict.ok) throw new FulfilmentAbort("content_unsafe", `The post did not pass moderation (${verdict.reason})`);
}

async function writeIdea(c: Loaded, signalId: string): Promise<string> {
  if (c.ideaId) return c.ideaId;
  await stage(c, "writing_idea", 30);
  const idea = await writeIdeaForSignal(signalId, { productTypes: PRODUCT_TYPES.slice(0, Math.max(1, c.tier.productTypeCount)), commissionId: c.id });
  await db.commission.updateMany({ where: { id: c.id, ideaId: null }, data: { ideaId: idea.id } });
  return (await db.commission.findUniqueOrThrow({ where: { id: c.id }, select: { ideaId: true } })).ideaId!;
}

async function needsReview(c: Loaded) {
  if (!(await getSetting("commissionReview"))) return false;
  const approved = await db.commissionEvent.findUnique({ where: { commissionId_dedupeKey: { commissionId: c.id, dedupeKey: "approved" } } });
  return !approved;
}

/**
 * Makes the design's preview (art, thumbnail, mockups, listing copy), announcing "mockups" once the
 * mockups are stored, and queues its print files. Those follow in their own job at low priority and
 * are not the shopper's wait: nothing reaches a print provider or an external marketplace before they
 * exist (publishing/build-package.ts, shop/submit-order.ts), only the storefront product page.
 */
async function design(c: Loaded, ideaId: string): Promise<Design> {
  await stage(c, "generating_design", 35);
  // A design with its preview stored is this commission's design, whatever its print files did since
  // (approveIdea would start another one beside a FAILED design).
  const previewed = await db.design.findFirst({ where: { ideaId, previewAt: { not: null } }, orderBy: { createdAt: "asc" } });
  const { id: designId } = previewed ?? (await approveIdea({ ideaId, quality: qualityOf(c.tier.imageQuality), enqueue: false, forCommission: true })).design;
  let last = -1;
  let current = "generating_design";
  const ready = await runDesign(designId, {
    commissionId: c.id,
    until: "preview",
    onProgress: async (step: DesignStep, percent: number) => {
      // The preview is the first 40% of a design: it fills this commission's 35–85%.
      const p = Math.round(35 + (Math.max(0, Math.min(40, percent)) * 50) / 40);
      if (step === "mockups ready") {
        await mockups(c, designId, p);
        current = "mockups";
      } else if (p !== last) {
        await recordEvent(c.id, { type: current, message: `Design: ${step}`, progress: p, dedupeKey: `${current}:${step}:${p}` });
      }
      last = p;
    },
  });
  await queuePrintFiles(ready.id);
  // A preview made by an earlier run reports nothing: announce its mockups, once.
  if (!(await db.commissionEvent.findFirst({ where: { commissionId: c.id, type: "mockups" }, select: { id: true } }))) await mockups(c, ready.id, 85);
  return ready;
}

async function mockups(c: Loaded, designId: string, progress: number) {
  const count = await db.mockup.count({ where: { designId } });
  await stage(c, "mockups", progress, count ? `${count} mockup${count === 1 ? "" : "s"} ready` : "Mockups…");
}

async function publish(c: Loaded, designId: string): Promise<string> {
  if (c.productId) return c.productId;
  await stage(c, "publishing", 92);
  // The shared design → publications step: the storefront product is always made for a commission
  // (run inline below, from the design's preview); external marketplaces follow the review gate like
  // any other design, and are sent only once the print files are made (releaseHeldWork).
  const { listingId, publications, held } = await publishDesign({ designId, forCommission: true });
  if (held) throw new FulfilmentAbort("content_unsafe", `The product copy did not pass moderation (${held})`);
  const local = publications.find((p) => p.marketplace === "LOCAL");
  if (!local) throw new AppError("PRECONDITION_FAILED", "The storefront publisher (local) is not configured, so the product cannot be listed");
  await publishLocal(local.id, listingId);
  const product = await db.product.findUnique({ where: { listingId }, select: { id: true } });
  if (!product) throw new AppError("INTERNAL", "Publishing finished but the storefront product is missing");
  await db.commission.updateMany({ where: { id: c.id, productId: null }, data: { productId: product.id } });
  return product.id;
}

/**
 * Runs this commission's own storefront publication. Found RUNNING, it was left by a worker that died
 * mid-publish (only this commission's job publishes it): take it over rather than wait out the stale
 * window and burn the retries. Safe because the local publisher upserts by listing.
 */
async function publishLocal(publicationId: string, listingId: string) {
  try {
    await runPublication(publicationId);
  } catch (err) {
    if (!isAppError(err) || err.code !== "CONFLICT") throw err;
    const taken = await db.publication.updateMany({
      where: { id: publicationId, listingId, marketplace: "LOCAL", status: "RUNNING" },
      data: { status: "FAILED", lastError: "Taken over by its commission after an interrupted run" },
    });
    if (taken.count === 0) throw err;
    await runPublication(publicationId);
  }
}

/**
 * Fulfils a paid commission stage by stage. Each stage skips work already stored on the commission
 * (signal, idea, design preview, product), so a rerun after a crash continues where it stopped and
 * never makes a second product. COMPLETED means the storefront product exists; the design's print
 * files may still be on their way (their failure leaves the design FAILED for an admin to retry, not
 * a refund: the product is there, and its orders wait). Unusable content refunds the commission
 * (unless its product already exists).
 */
export async function fulfilCommission(commissionId: string): Promise<FulfilResult> {
  let c = await load(commissionId);
  if (!c) throw new AppError("NOT_FOUND", `Commission ${commissionId} does not exist`);
  if (c.status === "PAID") await transition(c.id, "IN_PROGRESS", { stage: "fetching_post" });
  c = (await load(commissionId))!;
  if (c.status !== "IN_PROGRESS") return { status: c.status, productId: c.productId };
  try {
    const signalId = await fetchSignal(c);
    await moderate(c, signalId);
    const ideaId = await writeIdea(c, signalId);
    if (!c.productId && (await needsReview(c))) {
      if (await transition(c.id, "NEEDS_REVIEW", { stage: "review" })) {
        await recordEvent(c.id, { type: "needs_review", message: "Waiting for our team to review the idea", progress: 32, dedupeKey: "needs_review" });
      }
      return { status: "NEEDS_REVIEW" };
    }
    if (!(await stillActive(c.id))) return { status: (await load(c.id))!.status };
    const d = await design(c, ideaId);
    if (!(await stillActive(c.id))) return { status: (await load(c.id))!.status };
    const productId = await publish(c, d.id);
    await completeCommission(c.id, productId);
    const final = (await load(c.id))!;
    return { status: final.status, productId: final.productId };
  } catch (err) {
    if (err instanceof FulfilmentAbort) {
      return endUnfulfilled(c.id, err.reason, { type: "failed", message: err.message, dedupeKey: "aborted", data: { reason: err.reason } });
    }
    throw err;
  }
}
