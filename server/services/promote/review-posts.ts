import { db } from "../../db";
import { AppError } from "../../errors";
import { checkContent } from "../moderation/check-content";
import { promoAudit } from "./audit";
import { schedulePost } from "./schedule-post";

// The approval queue: approve (one or many), edit, reject. Approval moves DRAFT → SCHEDULED and
// gives the post its slot. An edit is moderated again and refused (nothing changes) if it fails.

export async function approvePosts(ids: string[], actorId: string | null) {
  const unique = [...new Set(ids)];
  const drafts = await db.promoPost.findMany({ where: { id: { in: unique }, status: "DRAFT" }, select: { id: true, accountId: true } });
  const scheduled: Array<{ id: string; scheduledAt: Date | null }> = [];
  for (const d of drafts) {
    const moved = await db.promoPost.updateMany({ where: { id: d.id, status: "DRAFT" }, data: { status: "SCHEDULED", approvedById: actorId, approvedAt: new Date() } });
    if (!moved.count) continue;
    await promoAudit("approve", { accountId: d.accountId, actorId, postId: d.id, data: { auto: actorId === null } });
    scheduled.push({ id: d.id, scheduledAt: await schedulePost(d.id, actorId) });
  }
  return { approved: scheduled.length, skipped: unique.length - scheduled.length, scheduled };
}

export async function rejectPosts(ids: string[], actorId: string, note?: string) {
  const rows = await db.promoPost.findMany({ where: { id: { in: [...new Set(ids)] }, status: { in: ["DRAFT", "BLOCKED", "SCHEDULED"] } }, select: { id: true, accountId: true } });
  let rejected = 0;
  for (const r of rows) {
    const moved = await db.promoPost.updateMany({ where: { id: r.id, status: { in: ["DRAFT", "BLOCKED", "SCHEDULED"] } }, data: { status: "REJECTED" } });
    if (!moved.count) continue;
    rejected++;
    await promoAudit("reject", { accountId: r.accountId, actorId, postId: r.id, data: note ? { note } : undefined });
  }
  return { rejected };
}

export async function editPost(id: string, input: { title?: string; body: string }, actorId: string) {
  const post = await db.promoPost.findUnique({ where: { id } });
  if (!post) throw new AppError("NOT_FOUND", "That post does not exist");
  if (!["DRAFT", "BLOCKED", "SCHEDULED"].includes(post.status)) throw new AppError("CONFLICT", `A ${post.status.toLowerCase()} post cannot be edited`);
  const body = input.body.trim();
  const title = input.title?.trim() || post.title;
  if (!body) throw new AppError("BAD_REQUEST", "The post text cannot be empty");
  if (post.link && post.kind !== "REPLY" && !body.includes(post.link) && post.community === null) {
    throw new AppError("BAD_REQUEST", "Keep the tracked product link in the text");
  }
  const verdict = await checkContent({ title: title ?? "", body, community: post.community, over18: false, subredditNsfw: false });
  if (!verdict.ok) throw new AppError("UNPROCESSABLE", `The edited text does not pass moderation (${verdict.reason})`);
  const updated = await db.promoPost.updateMany({
    where: { id, status: post.status },
    data: { title, body, writer: "admin", ...(post.status === "BLOCKED" ? { status: "DRAFT", blockReason: null } : {}) },
  });
  if (!updated.count) throw new AppError("CONFLICT", "The post changed meanwhile; reload and try again");
  await promoAudit("edit", { accountId: post.accountId, actorId, postId: id, data: { before: { title: post.title, body: post.body }, after: { title, body } } });
  return db.promoPost.findUniqueOrThrow({ where: { id } });
}
