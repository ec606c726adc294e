import { db } from "../../db";
import { log } from "../../log";
import { socialProvider } from "../../providers/social";
import { enqueue } from "../../queues/enqueue";
import { accountRef, refreshAccount } from "./credentials";
import { draftReply } from "./draft-promotions";
import { STALE_POSTING_MS } from "./send-post";

// The promoters' clock (a repeatable job): deliver what is due, recover posts a dead worker left
// POSTING, refresh tokens that expire soon, and — less often — fetch results and comments.

const BATCH = 500;

export async function sweepDuePosts(now = new Date()) {
  const stale = await db.promoPost.updateMany({
    where: { status: "POSTING", updatedAt: { lt: new Date(now.getTime() - STALE_POSTING_MS) } },
    data: { status: "SCHEDULED", waitReason: "recovered after an interrupted attempt" },
  });
  const due = await db.promoPost.findMany({
    where: { status: "SCHEDULED", scheduledAt: { lte: now }, account: { status: "ACTIVE" } },
    select: { id: true },
    orderBy: { scheduledAt: "asc" },
    take: BATCH,
  });
  const minute = Math.floor(now.getTime() / 60_000);
  for (const p of due) await enqueue("socialPost", { postId: p.id }, { jobId: `${p.id}-sweep-${minute}` });

  const expiring = await db.socialAccount.findMany({ where: { status: "ACTIVE", tokenExpiresAt: { lt: new Date(now.getTime() + 10 * 60_000) } }, select: { id: true } });
  let refreshed = 0;
  for (const a of expiring) {
    try {
      if (await refreshAccount(a.id)) refreshed++;
    } catch (e) {
      log.warn({ accountId: a.id, err: (e as Error).message }, "token refresh failed (transient); will try again");
    }
  }
  return { recovered: stale.count, enqueued: due.length, refreshed };
}

/** Likes, replies and reposts of recent posts, and reply drafts for new comments on them. */
export async function fetchResults(opts: { maxAgeDays?: number; olderThanMinutes?: number } = {}, now = new Date()) {
  const posts = await db.promoPost.findMany({
    where: {
      status: "POSTED",
      kind: { not: "REPLY" },
      externalId: { not: null },
      postedAt: { gte: new Date(now.getTime() - (opts.maxAgeDays ?? 14) * 86_400_000) },
      account: { status: "ACTIVE" },
      OR: [{ metricsAt: null }, { metricsAt: { lt: new Date(now.getTime() - (opts.olderThanMinutes ?? 30) * 60_000) } }],
    },
    include: { account: true },
    orderBy: { metricsAt: { sort: "asc", nulls: "first" } },
    take: 200,
  });
  let updated = 0;
  let replies = 0;
  for (const p of posts) {
    try {
      const provider = socialProvider(p.account.platform);
      const ref = await accountRef(p.account);
      const m = await provider.metrics(ref, p.externalId!);
      await db.promoPost.update({ where: { id: p.id }, data: { likes: m.likes, replies: m.replies, reposts: m.reposts, metricsAt: now } });
      updated++;
      if (m.replies > 0) {
        for (const c of await provider.comments(ref, p.externalId!)) if (await draftReply(p, c)) replies++;
      }
    } catch (e) {
      log.warn({ postId: p.id, err: (e as Error).message }, "could not fetch post results");
    }
  }
  return { checked: posts.length, updated, replyDrafts: replies };
}
