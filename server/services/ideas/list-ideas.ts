import type { IdeaStatus, Prisma } from "@prisma/client";
import { db } from "../../db";
import { AppError } from "../../errors";

export type ListIdeasInput = { status?: IdeaStatus; community?: string; cursor?: string; limit?: number };

const ideaInclude = {
  signal: {
    select: {
      id: true, title: true, community: true, url: true, score: true, comments: true, postedAt: true, keywords: true, status: true,
      breakdown: { select: { freshness: true, engagement: true, novelty: true, communityFit: true, seasonality: true, total: true, weights: true, explanation: true } },
    },
  },
  designs: { orderBy: { createdAt: "desc" }, take: 1, select: { id: true, status: true, stage: true, progress: true, error: true, quality: true } },
} satisfies Prisma.IdeaInclude;

export type IdeaListItem = Prisma.IdeaGetPayload<{ include: typeof ideaInclude }>;

/**
 * A page of ideas, best score first, with their signal, score breakdown and latest design.
 * A fixed number of statements per page whatever its size (ideas, signals, breakdowns, designs).
 */
export async function listIdeas({ status, community, cursor, limit = 20 }: ListIdeasInput) {
  // Ideas written for paid commissions are reviewed under Commissions, not in this queue.
  const where: Prisma.IdeaWhereInput = {
    commissions: { none: {} },
    ...(status ? { status } : {}),
    ...(community ? { signal: { community: community.toLowerCase() } } : {}),
  };
  const rows = await db.idea.findMany({
    where,
    include: ideaInclude,
    orderBy: [{ score: "desc" }, { id: "asc" }],
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
  });
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
}

export async function getIdea(ideaId: string) {
  const idea = await db.idea.findUnique({ where: { id: ideaId }, include: ideaInclude });
  if (!idea) throw new AppError("NOT_FOUND", `Idea ${ideaId} does not exist`);
  return idea;
}

/** Latest design of an idea (for polling after approval). */
export async function ideaDesignStatus(ideaId: string) {
  const d = await db.design.findFirst({
    where: { ideaId },
    orderBy: { createdAt: "desc" },
    select: { id: true, status: true, stage: true, progress: true, error: true, quality: true, idea: { select: { status: true } } },
  });
  return d ? { ...d, ideaStatus: d.idea.status } : null;
}
