import type { Design, Idea } from "@prisma/client";
import { db, type Tx } from "../../db";
import { env } from "../../env";
import { AppError } from "../../errors";
import { enqueue as enqueueJob } from "../../queues/enqueue";

export type DesignQuality = "standard" | "high" | "ultra";

/** Locks the idea row and approves it inside `tx`: NEW → APPROVED plus a QUEUED Design. */
export async function approveIdeaInTx(tx: Tx, ideaId: string, opts: { by?: string; quality?: DesignQuality } = {}) {
  await tx.$queryRaw`select id from ideas where id = ${ideaId} for update`;
  const idea = await tx.idea.findUnique({ where: { id: ideaId } });
  if (!idea) throw new AppError("NOT_FOUND", `Idea ${ideaId} does not exist`);
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
}: {
  ideaId: string;
  by?: string;
  quality?: DesignQuality;
  enqueue?: boolean;
}): Promise<{ idea: Idea; design: Design }> {
  const out = await db.$transaction((tx) => approveIdeaInTx(tx, ideaId, { by, quality }));
  if (enqueue) await enqueueDesign(out.design);
  return out;
}
