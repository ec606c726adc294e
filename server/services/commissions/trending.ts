import { db } from "../../db";

export type TrendingPost = { signalId: string; title: string; community: string | null; score: number; total: number; postUrl: string };

/** The post's canonical Reddit URL (the base-36 id after /comments/, without the "t3_" kind prefix). */
export const redditPostUrl = (community: string | null, externalId: string) => {
  const id = externalId.replace(/^t3_/, "");
  return community ? `https://www.reddit.com/r/${community}/comments/${id}/` : `https://www.reddit.com/comments/${id}/`;
};

/** Recent scored signals with the highest total score: what the commission form offers to pick. */
export async function trendingPosts(limit = 12, sinceDays = 14): Promise<TrendingPost[]> {
  const since = new Date(Date.now() - sinceDays * 86_400_000);
  const rows = await db.signal.findMany({
    where: { status: { in: ["SCORED", "IDEATED"] }, createdAt: { gte: since }, breakdown: { isNot: null }, source: { kind: "REDDIT" } },
    orderBy: { breakdown: { total: "desc" } },
    take: limit,
    select: { id: true, title: true, community: true, score: true, externalId: true, breakdown: { select: { total: true } } },
  });
  return rows.map((r) => ({
    signalId: r.id,
    title: r.title,
    community: r.community,
    score: r.score,
    total: r.breakdown?.total ?? 0,
    postUrl: redditPostUrl(r.community, r.externalId),
  }));
}
