import { z } from "zod";
import { seededRandom, seedFromString } from "../../../lib/random";
import { db } from "../../db";
import { AppError } from "../../errors";
import { log } from "../../log";
import { armStats, thompsonPick, type ArmCounts } from "./thompson";

export const MIN_VIEWS_TO_PROMOTE = 200;

/** The arm to promote, or null: P(best) ≥ threshold once enough views are in. Pure. */
export function promotable(arms: Array<ArmCounts & { id: string }>, threshold: number, seed = 1) {
  const views = arms.reduce((s, a) => s + a.views, 0);
  if (arms.length < 2 || views < MIN_VIEWS_TO_PROMOTE) return null;
  const stats = armStats(arms, { seed });
  const best = stats.reduce((b, s, i) => (s.pBest > stats[b].pBest ? i : b), 0);
  return stats[best].pBest >= threshold ? { armId: arms[best].id, pBest: stats[best].pBest } : null;
}

export const ZCreateExperiment = z.discriminatedUnion("kind", [
  z.object({ listingId: z.string().min(1), kind: z.literal("TITLE"), titles: z.array(z.string().trim().min(3).max(80)).min(2).max(4), threshold: z.number().min(0.5).max(0.999).default(0.95) }),
  z.object({ listingId: z.string().min(1), kind: z.literal("HERO"), productTypes: z.array(z.string().min(1)).min(2).max(4), threshold: z.number().min(0.5).max(0.999).default(0.95) }),
]);

export async function createExperiment(input: z.input<typeof ZCreateExperiment>, by?: string) {
  const p = ZCreateExperiment.safeParse(input);
  if (!p.success) throw new AppError("BAD_REQUEST", p.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  const x = p.data;
  const listing = await db.listing.findUnique({ where: { id: x.listingId }, include: { design: { select: { mockups: { select: { productType: true } } } } } });
  if (!listing) throw new AppError("NOT_FOUND", "That listing does not exist");
  if (await db.experiment.findFirst({ where: { listingId: x.listingId, status: "RUNNING" } })) throw new AppError("CONFLICT", "This listing already has a running experiment");
  if (x.kind === "HERO") {
    const have = new Set(listing.design.mockups.map((m) => m.productType));
    const missing = x.productTypes.filter((t) => !have.has(t));
    if (missing.length) throw new AppError("BAD_REQUEST", `No mockup for ${missing.join(", ")} on this listing`);
  }
  const arms = x.kind === "TITLE" ? x.titles.map((title, i) => ({ label: String.fromCharCode(65 + i), title })) : x.productTypes.map((productType, i) => ({ label: String.fromCharCode(65 + i), productType }));
  const exp = await db.experiment.create({ data: { listingId: x.listingId, kind: x.kind, threshold: x.threshold, arms: { create: arms } }, include: { arms: true } });
  await db.auditLog.create({ data: { actorId: by, action: "experiment.create", entityType: "experiment", entityId: exp.id, data: { listingId: x.listingId, kind: x.kind, arms } } });
  return exp;
}

/**
 * The arm a visitor sees: the one in their cookie when it still belongs to the running experiment
 * (sticky), otherwise a Thompson draw seeded by the visitor token, so the same visitor gets the same
 * draw for the same counts.
 */
export async function assignArm(listingId: string, opts: { cookieArmId?: string[]; visitor: string }) {
  const exp = await db.experiment.findFirst({ where: { listingId, status: "RUNNING" }, include: { arms: { orderBy: { label: "asc" } } } });
  if (!exp) return null;
  const sticky = exp.arms.find((a) => opts.cookieArmId?.includes(a.id));
  const arm = sticky ?? exp.arms[thompsonPick(exp.arms, seededRandom(seedFromString(`${opts.visitor}:${exp.id}`)))];
  return { experimentId: exp.id, kind: exp.kind, arm: { id: arm.id, label: arm.label, title: arm.title, productType: arm.productType }, sticky: !!sticky };
}

/** Promotes the winner of every running experiment that has one; each change is audited. */
export async function promoteWinners() {
  const running = await db.experiment.findMany({ where: { status: "RUNNING" }, include: { arms: true } });
  const promoted: string[] = [];
  for (const exp of running) {
    const win = promotable(exp.arms, exp.threshold, seedFromString(exp.id));
    if (!win) continue;
    const arm = exp.arms.find((a) => a.id === win.armId)!;
    await db.$transaction(async (tx) => {
      const claimed = await tx.experiment.updateMany({ where: { id: exp.id, status: "RUNNING" }, data: { status: "PROMOTED", winnerArmId: arm.id, promotedAt: new Date() } });
      if (!claimed.count) return;
      if (exp.kind === "TITLE" && arm.title) {
        await tx.listing.update({ where: { id: exp.listingId }, data: { title: arm.title } });
        await tx.product.updateMany({ where: { listingId: exp.listingId }, data: { title: arm.title } });
      }
      if (exp.kind === "HERO" && arm.productType) {
        const listing = await tx.listing.findUniqueOrThrow({ where: { id: exp.listingId }, select: { designId: true } });
        const mockup = await tx.mockup.findUnique({ where: { designId_productType: { designId: listing.designId, productType: arm.productType } } });
        if (mockup) await tx.product.updateMany({ where: { listingId: exp.listingId }, data: { coverKey: mockup.storageKey } });
      }
      await tx.auditLog.create({
        data: { action: "experiment.promote", entityType: "experiment", entityId: exp.id, data: { listingId: exp.listingId, kind: exp.kind, winner: arm.label, title: arm.title, productType: arm.productType, pBest: win.pBest, arms: exp.arms.map((a) => ({ label: a.label, views: a.views, conversions: a.conversions })) } },
      });
    });
    promoted.push(exp.id);
    log.info({ experimentId: exp.id, winner: arm.label, pBest: win.pBest }, "experiment winner promoted");
  }
  return promoted;
}

/** Experiments with each arm's posterior, P(best) and expected loss (bounded: newest 20). */
export async function experimentResults(take = 20) {
  const exps = await db.experiment.findMany({ orderBy: { createdAt: "desc" }, take, include: { arms: { orderBy: { label: "asc" } } } });
  return exps.map((e) => {
    const stats = armStats(e.arms, { seed: seedFromString(e.id), draws: 5_000 });
    return { id: e.id, listingId: e.listingId, kind: e.kind, status: e.status, threshold: e.threshold, winnerArmId: e.winnerArmId, arms: e.arms.map((a, i) => ({ id: a.id, label: a.label, title: a.title, productType: a.productType, views: a.views, conversions: a.conversions, ...stats[i] })) };
  });
}
