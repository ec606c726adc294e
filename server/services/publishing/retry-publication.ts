import type { Publication } from "@prisma/client";
import { db } from "../../db";
import { AppError } from "../../errors";
import { enqueuePublish } from "./queue-publications";

/**
 * Dashboard retry: a FAILED publication goes back to QUEUED and gets a fresh `publish` job (a job
 * kept in the failed or completed set under the same id is removed first so the add is not a no-op).
 */
export async function retryPublication(publicationId: string, by?: string): Promise<Publication> {
  const updated = await db.$transaction(async (tx) => {
    const res = await tx.publication.updateMany({ where: { id: publicationId, status: "FAILED" }, data: { status: "QUEUED", lastError: null } });
    if (res.count === 0) {
      const row = await tx.publication.findUnique({ where: { id: publicationId }, select: { status: true } });
      if (!row) throw new AppError("NOT_FOUND", `Publication ${publicationId} does not exist`);
      throw new AppError("CONFLICT", `Only failed publications can be retried (this one is ${row.status.toLowerCase()})`);
    }
    await tx.auditLog.create({ data: { actorId: by, action: "publication.retry", entityType: "publication", entityId: publicationId } });
    return tx.publication.findUniqueOrThrow({ where: { id: publicationId } });
  });
  await enqueuePublish(publicationId);
  return updated;
}
