import { Prisma, type SignalStatus } from "@prisma/client";
import { db } from "../../db";
import { AppError } from "../../errors";

// The signal stream for the dashboard: filters, keyset pagination, the source key and the score
// breakdown when there is one — one SQL statement per page, whatever the page size.

export type SignalListFilters = {
  status?: SignalStatus;
  community?: string;
  source?: string;
  search?: string;
  cursor?: string;
  take?: number;
};

export type SignalListItem = {
  id: string;
  title: string;
  community: string | null;
  url: string | null;
  author: string | null;
  status: SignalStatus;
  rejectReason: string | null;
  score: number;
  comments: number;
  seenCount: number;
  keywords: string[];
  postedAt: Date;
  createdAt: Date;
  sourceKey: string;
  breakdown: { freshness: number; engagement: number; novelty: number; communityFit: number; seasonality: number; total: number } | null;
};

type Row = Omit<SignalListItem, "breakdown"> & {
  freshness: number | null;
  engagement: number | null;
  novelty: number | null;
  communityFit: number | null;
  seasonality: number | null;
  total: number | null;
};

const encodeCursor = (r: { createdAt: Date; id: string }) => Buffer.from(JSON.stringify([r.createdAt.toISOString(), r.id])).toString("base64url");
function decodeCursor(c: string): [Date, string] {
  try {
    const [at, id] = JSON.parse(Buffer.from(c, "base64url").toString()) as [string, string];
    const d = new Date(at);
    if (Number.isNaN(d.getTime()) || typeof id !== "string") throw new Error("bad cursor");
    return [d, id];
  } catch {
    throw new AppError("BAD_REQUEST", "That page link is no longer valid; start from the first page");
  }
}

export async function listSignals(f: SignalListFilters): Promise<{ items: SignalListItem[]; nextCursor: string | null }> {
  const take = Math.min(100, Math.max(1, f.take ?? 25));
  const where: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (f.status) where.push(Prisma.sql`s."status" = ${f.status}::"SignalStatus"`);
  if (f.community) where.push(Prisma.sql`s."community" = ${f.community.toLowerCase().replace(/^r\//, "")}`);
  if (f.source) where.push(Prisma.sql`src."key" = ${f.source}`);
  if (f.search?.trim()) {
    const like = `%${f.search.trim().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    where.push(Prisma.sql`(s."title" ILIKE ${like} OR s."body" ILIKE ${like})`);
  }
  if (f.cursor) {
    const [at, id] = decodeCursor(f.cursor);
    where.push(Prisma.sql`(s."createdAt", s."id") < (${at}, ${id})`);
  }
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    SELECT s."id", s."title", s."community", s."url", s."author", s."status", s."rejectReason", s."score", s."comments",
           s."seenCount", s."keywords", s."postedAt", s."createdAt", src."key" AS "sourceKey",
           b."freshness", b."engagement", b."novelty", b."communityFit", b."seasonality", b."total"
      FROM "signals" s
      JOIN "sources" src ON src."id" = s."sourceId"
      LEFT JOIN "score_breakdowns" b ON b."signalId" = s."id"
     WHERE ${Prisma.join(where, " AND ")}
     ORDER BY s."createdAt" DESC, s."id" DESC
     LIMIT ${take + 1}`);
  const items = rows.slice(0, take).map(({ freshness, engagement, novelty, communityFit, seasonality, total, ...s }) => ({
    ...s,
    keywords: s.keywords ?? [],
    breakdown:
      total === null ? null : { freshness: freshness ?? 0, engagement: engagement ?? 0, novelty: novelty ?? 0, communityFit: communityFit ?? 0, seasonality: seasonality ?? 0, total },
  }));
  return { items, nextCursor: rows.length > take ? encodeCursor(items[items.length - 1]) : null };
}
