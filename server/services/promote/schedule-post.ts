import { db } from "../../db";
import { enqueue } from "../../queues/enqueue";
import { promoAudit } from "./audit";
import { nextSlot, nextWindowStart, type PostingWindow } from "./windows";

// An approved post gets the account's next slot: inside a posting window (in its time zone) and at
// least the minimum interval after the slot before it. The slot pointer (lastSlotAt) moves with a
// compare-and-set, so two approvals at once never share a slot. The job is delayed until the slot;
// the sweep re-delivers anything due whose job went missing.

const MAX_TRIES = 20;

export const postJobId = (postId: string, at: Date) => `${postId}-${at.getTime()}`;

export async function deliverAt(postId: string, at: Date) {
  await enqueue("socialPost", { postId }, { jobId: postJobId(postId, at), delay: Math.max(0, at.getTime() - Date.now()) });
}

/** Reserves the next slot for an account; returns it. */
export async function reserveSlot(accountId: string, now = new Date()): Promise<Date> {
  for (let i = 0; i < MAX_TRIES; i++) {
    const a = await db.socialAccount.findUniqueOrThrow({ where: { id: accountId }, select: { windows: true, timeZone: true, minIntervalMinutes: true, lastSlotAt: true } });
    const slot = nextSlot({ windows: a.windows as PostingWindow[], timeZone: a.timeZone, minIntervalMinutes: a.minIntervalMinutes, lastSlotAt: a.lastSlotAt }, now);
    const moved = await db.socialAccount.updateMany({ where: { id: accountId, lastSlotAt: a.lastSlotAt }, data: { lastSlotAt: slot } });
    if (moved.count === 1) return slot;
  }
  throw new Error(`could not reserve a posting slot for account ${accountId} (too much contention)`);
}

/** Gives an approved (SCHEDULED, no time yet) post its slot and queues its delivery. */
export async function schedulePost(postId: string, actorId: string | null = null) {
  const post = await db.promoPost.findUniqueOrThrow({ where: { id: postId }, select: { id: true, accountId: true, status: true } });
  if (post.status !== "SCHEDULED") return null;
  const at = await reserveSlot(post.accountId);
  await db.promoPost.update({ where: { id: postId }, data: { scheduledAt: at } });
  await promoAudit("schedule", { accountId: post.accountId, actorId, postId, data: { scheduledAt: at.toISOString() } });
  await deliverAt(postId, at);
  return at;
}

/**
 * Back to SCHEDULED for a later time (a rate-limit answer, our own bucket, a transient failure):
 * the first moment inside a window not before `notBefore`. Never drops the post.
 */
export async function reschedulePost(postId: string, notBefore: Date, reason: string) {
  const post = await db.promoPost.findUniqueOrThrow({ where: { id: postId }, include: { account: { select: { windows: true, timeZone: true } } } });
  const at = nextWindowStart(post.account.windows as PostingWindow[], post.account.timeZone, notBefore);
  await db.promoPost.update({ where: { id: postId }, data: { status: "SCHEDULED", scheduledAt: at, waitReason: reason.slice(0, 500) } });
  await promoAudit("reschedule", { accountId: post.accountId, postId, data: { reason, scheduledAt: at.toISOString() } });
  await deliverAt(postId, at);
  return at;
}
