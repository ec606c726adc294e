import type { Idea } from "@prisma/client";
import { db } from "../../db";
import { AppError } from "../../errors";
import { embeddings } from "../../providers/embeddings";
import type { ProviderUsage } from "../../providers/usage";
import { recordUsage } from "../costs/record-cost";
import { ZIdeaDraft } from "../../providers/ideas/types";
import { ideaText } from "./write-idea";

export const ZIdeaEdit = ZIdeaDraft.partial();
export type IdeaEdit = { ideaId: string; by?: string; title?: string; theme?: string; imagePrompt?: string; productTypes?: string[] };

/**
 * Edits a NEW or APPROVED idea (audited with the fields that changed). A new image prompt also
 * reaches a design that has not started yet.
 */
export async function editIdea({ ideaId, by, ...fields }: IdeaEdit): Promise<Idea> {
  const parsed = ZIdeaEdit.safeParse(fields);
  if (!parsed.success) throw new AppError("BAD_REQUEST", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  const patch = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined)) as Partial<typeof parsed.data>;
  const idea = await db.idea.findUnique({ where: { id: ideaId } });
  if (!idea) throw new AppError("NOT_FOUND", `Idea ${ideaId} does not exist`);
  if (idea.status !== "NEW" && idea.status !== "APPROVED") {
    throw new AppError("CONFLICT", `"${idea.title}" is ${idea.status.toLowerCase()}; only new or approved ideas can be edited`);
  }
  const next = { title: patch.title ?? idea.title, theme: patch.theme ?? idea.theme };
  const usages: ProviderUsage[] = [];
  const embedding = patch.title !== undefined || patch.theme !== undefined ? (await embeddings().embed([ideaText(next)], { onUsage: (u) => usages.push(u) }))[0] : undefined;
  for (const u of usages) await recordUsage(u, { ideaId, signalId: idea.signalId });
  return db.$transaction(async (tx) => {
    const updated = await tx.idea.updateMany({
      where: { id: ideaId, status: { in: ["NEW", "APPROVED"] } },
      data: { ...patch, ...(embedding ? { embedding } : {}) },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", "The idea changed status while you were editing; reload and try again");
    if (patch.imagePrompt) await tx.design.updateMany({ where: { ideaId, status: "QUEUED" }, data: { prompt: patch.imagePrompt } });
    await tx.auditLog.create({ data: { actorId: by ?? null, action: "idea.edit", entityType: "idea", entityId: ideaId, data: { changed: patch } } });
    return tx.idea.findUniqueOrThrow({ where: { id: ideaId } });
  });
}
