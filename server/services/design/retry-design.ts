import { db } from "../../db";
import { AppError } from "../../errors";
import { enqueue } from "../../queues/enqueue";

/**
 * FAILED → QUEUED and a fresh `design` job (a new job id per attempt: BullMQ keeps the failed job
 * under the old id). Audited.
 */
export async function retryDesign(designId: string, by?: string) {
  const design = await db.design.findUnique({ where: { id: designId } });
  if (!design) throw new AppError("NOT_FOUND", `Design ${designId} does not exist`);
  const moved = await db.design.updateMany({
    where: { id: designId, status: "FAILED" },
    data: { status: "QUEUED", stage: null, progress: 0, error: null, finishedAt: null },
  });
  if (moved.count === 0) throw new AppError("CONFLICT", `Only failed designs can be retried (this one is ${design.status.toLowerCase()})`);
  const jobId = `${designId}-retry-${design.attempts}`;
  // A commission's design whose print files failed: its storefront product exists already, so only
  // the print files are made again (and then what waited for them goes on), at normal priority.
  const printFilesOnly = !!design.previewAt && (await db.commission.count({ where: { ideaId: design.ideaId } })) > 0;
  await enqueue("design", { designId, ...(printFilesOnly ? { phase: "print-files" as const } : {}) }, { jobId });
  await db.auditLog.create({ data: { actorId: by, action: "design.retry", entityType: "design", entityId: designId, data: { jobId, previousError: design.error } } });
  return db.design.findUniqueOrThrow({ where: { id: designId } });
}
