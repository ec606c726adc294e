import { db } from "../../db";
import { AppError } from "../../errors";
import { log } from "../../log";
import { isSocialError, socialProvider, type OutgoingPost } from "../../providers/social";
import { storage } from "../../providers/storage";
import { promoAudit } from "./audit";
import { accountRef, ensureFresh, markNeedsReconnect, refreshAccount } from "./credentials";
import { bucketsFor, takePostToken } from "./limits";
import { reschedulePost } from "./schedule-post";

// Sends one scheduled post. The row is the status: SCHEDULED → POSTING (one worker wins the claim)
// → POSTED | FAILED, or back to SCHEDULED with a reason (rate limit, needs reconnect, transient).
// `attempts` counts calls that may have reached the platform; from the second one on the provider is
// told the post may exist (Mastodon's Idempotency-Key, Bluesky's derived record key, a look through
// our own Reddit submissions), so a worker killed mid-post never makes a second post.

/** A POSTING row untouched this long belongs to a worker that died. */
export const STALE_POSTING_MS = 2 * 60_000;

export type SendOutcome = "posted" | "already" | "not_due" | "waiting" | "rescheduled" | "failed" | "busy";

export async function sendPost(postId: string, now = new Date()): Promise<SendOutcome> {
  const post = await db.promoPost.findUnique({ where: { id: postId }, include: { account: { include: { brand: true } } } });
  if (!post) throw new AppError("NOT_FOUND", `Promo post ${postId} does not exist`, { retryable: false });
  if (post.status === "POSTED") return "already";
  const stale = post.status === "POSTING" && post.updatedAt.getTime() < now.getTime() - STALE_POSTING_MS;
  if (post.status !== "SCHEDULED" && !stale) return post.status === "POSTING" ? "busy" : "already";
  if (post.scheduledAt && post.scheduledAt.getTime() > now.getTime() + 1000) return "not_due";

  const account = post.account;
  if (account.status !== "ACTIVE") {
    const reason = account.status === "NEEDS_RECONNECT" ? "waiting: the account needs to be reconnected" : "waiting: the account is paused";
    if (post.waitReason !== reason) {
      await db.promoPost.update({ where: { id: postId }, data: { waitReason: reason, ...(stale ? { status: "SCHEDULED" } : {}) } });
      await promoAudit("wait", { accountId: account.id, postId, data: { reason } });
    }
    return "waiting";
  }

  // Claim: only one worker goes on.
  const claimed = await db.promoPost.updateMany({
    where: { id: postId, OR: [{ status: "SCHEDULED" }, { status: "POSTING", updatedAt: { lt: new Date(now.getTime() - STALE_POSTING_MS) } }] },
    data: { status: "POSTING", waitReason: null },
  });
  if (!claimed.count) return "busy";

  if (account.platform === "REDDIT" && post.kind !== "REPLY" && !(post.community && account.communities.includes(post.community))) {
    const reason = `r/${post.community ?? "?"} is not among this account's allowed subreddits`;
    await db.promoPost.update({ where: { id: postId }, data: { status: "FAILED", lastError: reason } });
    await promoAudit("fail", { accountId: account.id, postId, data: { reason } });
    return "failed";
  }

  const token = await takePostToken(bucketsFor(account));
  if (!token.ok) {
    await reschedulePost(postId, token.retryAt, `${token.scope} post budget used up; next token at ${token.retryAt.toISOString()}`);
    return "rescheduled";
  }

  try {
    if (!(await ensureFresh(account))) return await backToWaiting(postId, account.id);
    let ref = await accountRef(account);
    const outgoing = await outgoingOf(post, post.attempts > 0);
    await db.promoPost.update({ where: { id: postId }, data: { attempts: { increment: 1 } } });
    const provider = socialProvider(account.platform);
    let result;
    try {
      result = await provider.post(ref, outgoing);
    } catch (e) {
      if (!(isSocialError(e) && e.kind === "auth")) throw e;
      // Expired or revoked token: refresh once and try again (the retry may find the first attempt).
      const used = ref.credentials.access_token ?? ref.credentials.access_jwt;
      if (!(await refreshAccount(account.id, { force: true, usedAccessToken: used }))) return await backToWaiting(postId, account.id);
      ref = await accountRef(account);
      await db.promoPost.update({ where: { id: postId }, data: { attempts: { increment: 1 } } });
      try {
        result = await provider.post(ref, { ...outgoing, mayExist: true });
      } catch (again) {
        if (isSocialError(again) && again.kind === "auth") {
          await markNeedsReconnect(account.id, again.message);
          return await backToWaiting(postId, account.id);
        }
        throw again;
      }
    }
    await db.promoPost.update({ where: { id: postId }, data: { status: "POSTED", externalId: result.externalId, externalUrl: result.url, postedAt: new Date(), lastError: null, waitReason: null } });
    await promoAudit("post", { accountId: account.id, postId, data: { externalId: result.externalId, url: result.url, platform: account.platform } });
    return "posted";
  } catch (e) {
    if (isSocialError(e) && e.kind === "rate_limited") {
      await db.promoPost.update({ where: { id: postId }, data: { lastError: e.message } });
      await reschedulePost(postId, e.retryAt ?? new Date(Date.now() + 10 * 60_000), `${e.message}; the platform said to wait until ${e.retryAt?.toISOString() ?? "later"}`);
      return "rescheduled";
    }
    if (isSocialError(e) && e.kind === "rejected") {
      await db.promoPost.update({ where: { id: postId }, data: { status: "FAILED", lastError: e.message } });
      await promoAudit("fail", { accountId: account.id, postId, data: { reason: e.message } });
      return "failed";
    }
    // Transient: back to SCHEDULED (not dropped) and rethrow so the queue retries with backoff.
    const message = e instanceof Error ? e.message : String(e);
    await db.promoPost.update({ where: { id: postId }, data: { status: "SCHEDULED", lastError: message.slice(0, 1000) } });
    await promoAudit("fail", { accountId: account.id, postId, data: { reason: message.slice(0, 500), retrying: true } });
    log.warn({ postId, err: message }, "promo post failed; will retry");
    throw e;
  }
}

async function backToWaiting(postId: string, accountId: string): Promise<SendOutcome> {
  const reason = "waiting: the account needs to be reconnected";
  await db.promoPost.update({ where: { id: postId }, data: { status: "SCHEDULED", waitReason: reason } });
  await promoAudit("wait", { accountId, postId, data: { reason } });
  return "waiting";
}

type PostRow = { id: string; title: string | null; body: string; link: string | null; imageKey: string | null; imageUrl: string | null; community: string | null; replyToId: string | null; kind: string };

async function outgoingOf(post: PostRow, mayExist: boolean): Promise<OutgoingPost> {
  const bytes = post.imageKey && post.kind !== "REPLY" ? await storage().get(post.imageKey) : null;
  return {
    idempotencyKey: post.id,
    mayExist,
    title: post.title,
    text: post.body,
    link: post.link,
    image: bytes ? { bytes, mimeType: post.imageKey!.endsWith(".jpg") ? "image/jpeg" : "image/png", alt: post.title ?? "" } : null,
    imageUrl: post.imageUrl,
    community: post.community,
    replyToId: post.replyToId,
  };
}
