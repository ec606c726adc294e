import type { Design, Idea } from "@prisma/client";
import { db, type Tx } from "../../db";
import { env } from "../../env";
import { AppError } from "../../errors";
import { enqueue as enqueueJob } from "../../queues/enqueue";

export type { QualityLevel as DesignQuality } from "../../../lib/vocabulary";
import type { QualityLevel as DesignQuality } from "../../../lib/vocabulary";

/** Locks the idea row and approves it inside `tx`: NEW → APPROVED plus a QUEUED Design. */
export async function approveIdeaInTx(tx: Tx, ideaId: string, opts: { by?: string; quality?: DesignQuality; forCommission?: boolean } = {}) {
  await tx.$queryRaw`select id from ideas where id = ${ideaId} for update`;
  const idea = await tx.idea.findUnique({ where: { id: ideaId } });
  if (!idea) throw new AppError("NOT_FOUND", `Idea ${ideaId} does not exist`);
  if (!opts.forCommission) await assertNotCommissioned(tx, ideaId);
  if (idea.status === "REJECTED") {
    throw new AppError("CONFLICT", `"${idea.title}" was rejected; a rejected idea cannot be approved`);
  }
  const active = await tx.design.findFirst({ where: { ideaId, status: { not: "FAILED" } }, orderBy: { createdAt: "desc" } });
  if (idea.status !== "NEW") {
    // Approving twice is harmless: hand back the design that is already under way.
    if (active) return { idea, design: active };
    if (idea.status !== "APPROVED") throw new AppError("CONFLICT", `"${idea.title}" is already ${idea.status.toLowerCase()}; it cannot be approved again`);
  }
  const approved =
    idea.status === "NEW"
      ? await tx.idea.update({ where: { id: ideaId }, data: { status: "APPROVED", reviewedById: opts.by ?? null, reviewedAt: new Date() } })
      : idea;
  const design =
    active ??
    (await tx.design.create({
      data: { ideaId, provider: env().providers.images, prompt: idea.imagePrompt, palette: [], quality: opts.quality ?? "standard" },
    }));
  await tx.auditLog.create({
    data: { actorId: opts.by ?? null, action: "idea.approve", entityType: "idea", entityId: ideaId, data: { designId: design.id, quality: design.quality } },
  });
  return { idea: approved, design };
}

/**
 * An idea written for a paid commission is decided by the commission's own flow (and its review
 * under Commissions), never from the ideas queue: approving it there could publish a product for a
 * commission that is then rejected and refunded.
 */
export async function assertNotCommissioned(tx: Tx, ideaId: string) {
  const owner = await tx.commission.findFirst({ where: { ideaId }, select: { id: true } });
  if (owner) throw new AppError("CONFLICT", "This idea belongs to a paid commission; review it under Commissions");
}

/** Queue the design job (jobId = design.id, so a repeat is a no-op) while the design waits. */
export async function enqueueDesign(design: Design) {
  if (design.status === "QUEUED") await enqueueJob("design", { designId: design.id }, { jobId: design.id });
}

/**
 * Approves an idea: status APPROVED, creates (or returns the existing active) Design row QUEUED and
 * enqueues the `design` job with jobId = design.id unless enqueue is false.
 */
export async function approveIdea({
  ideaId,
  by,
  quality,
  enqueue = true,
  forCommission = false,
}: {
  ideaId: string;
  by?: string;
  quality?: DesignQuality;
  enqueue?: boolean;
  /** set by commission fulfilment, the one caller allowed to approve a commission's idea */
  forCommission?: boolean;
}): Promise<{ idea: Idea; design: Design }> {
  const out = await db.$transaction((tx) => approveIdeaInTx(tx, ideaId, { by, quality, forCommission }));
  if (enqueue) await enqueueDesign(out.design);
  return out;
}
