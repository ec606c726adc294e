import type { Commission } from "@prisma/client";
import { db } from "../../db";
import { reddit, type RedditPost } from "../../providers/reddit";
import { checkContent } from "../moderation/check-content";

/** Thrown when a paid commission cannot be made at all; the commission is refunded with `reason`. */
export class FulfilmentAbort extends Error {
  constructor(public reason: string, message: string) {
    super(message);
    this.name = "FulfilmentAbort";
  }
}

const FRESH_SECONDS = 48 * 3600;

const safeFlags = (p: RedditPost) => !p.stickied && !p.removed && !p.over18 && !p.subredditNsfw;

/** The best fresh, safe post of a subreddit: highest score among posts under 48 h old (else overall). */
export async function bestPostOf(subreddit: string): Promise<RedditPost | null> {
  const posts = (await reddit().listing(subreddit, "hot", 25)).filter(safeFlags);
  const now = Date.now() / 1000;
  const fresh = posts.filter((p) => now - p.createdUtc <= FRESH_SECONDS);
  const ranked = [...(fresh.length ? fresh : posts)].sort((a, b) => b.score - a.score);
  for (const p of ranked) {
    const verdict = await checkContent({ title: p.title, body: p.selftext, community: p.subreddit, over18: p.over18, subredditNsfw: p.subredditNsfw });
    if (verdict.ok) return p;
  }
  return null;
}

export type Picked = { post: RedditPost } | { signalId: string };

/** What the commission is about: the named post, a subreddit's best post, or a surprise. */
export async function pickSource(c: Pick<Commission, "type" | "postUrl" | "subreddit">): Promise<Picked> {
  if (c.type === "POST") {
    const post = c.postUrl ? await reddit().post(c.postUrl) : null;
    if (!post || post.removed) throw new FulfilmentAbort("post_unavailable", "The post is no longer available");
    return { post };
  }
  if (c.type === "SUBREDDIT") {
    const post = await bestPostOf(c.subreddit ?? "");
    if (!post) throw new FulfilmentAbort("no_safe_post", `r/${c.subreddit} has no post we can use right now`);
    return { post };
  }
  const since = new Date(Date.now() - 7 * 86_400_000);
  const best = await db.signal.findFirst({
    where: { status: { in: ["SCORED", "IDEATED"] }, createdAt: { gte: since }, breakdown: { isNot: null } },
    orderBy: { breakdown: { total: "desc" } },
    select: { id: true },
  });
  if (best) return { signalId: best.id };
  const subs = await db.subreddit.findMany({ where: { enabled: true, nsfw: false }, select: { name: true }, take: 50 });
  for (const s of subs.sort(() => Math.random() - 0.5).slice(0, 5)) {
    const post = await bestPostOf(s.name);
    if (post) return { post };
  }
  throw new FulfilmentAbort("no_safe_post", "There is nothing fresh and safe to design from right now");
}
