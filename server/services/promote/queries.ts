import type { Prisma, PromoPostStatus } from "@prisma/client";
import { db } from "../../db";

// Lists for the dashboard: one query for the page (+ one for the names it mentions), cursor paged.

export async function listPromoPosts(input: { status?: PromoPostStatus; accountId?: string; cursor?: string; take?: number }) {
  const take = input.take ?? 25;
  const rows = await db.promoPost.findMany({
    where: { status: input.status, accountId: input.accountId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    include: { account: { select: { id: true, handle: true, platform: true, status: true, timeZone: true, brand: { select: { name: true } } } } },
  });
  const items = rows.slice(0, take);
  return { items, nextCursor: rows.length > take ? items[items.length - 1].id : null };
}

export async function listPromoAudit(input: { accountId?: string; action?: string; postId?: string; cursor?: string; take?: number }) {
  const take = input.take ?? 50;
  const where: Prisma.AuditLogWhereInput = {
    action: input.action ? `promote.${input.action}` : { startsWith: "promote." },
    ...(input.accountId ? { entityType: "social_account", entityId: input.accountId } : {}),
    ...(input.postId ? { data: { path: ["postId"], equals: input.postId } } : {}),
  };
  const rows = await db.auditLog.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    include: { actor: { select: { email: true } } },
  });
  const items = rows.slice(0, take);
  const accountIds = [...new Set(items.filter((r) => r.entityType === "social_account" && r.entityId).map((r) => r.entityId!))];
  const accounts = accountIds.length ? await db.socialAccount.findMany({ where: { id: { in: accountIds } }, select: { id: true, handle: true, platform: true } }) : [];
  const byId = new Map(accounts.map((a) => [a.id, a]));
  return {
    items: items.map((r) => ({
      id: r.id,
      action: r.action.replace(/^promote\./, ""),
      at: r.createdAt,
      actor: r.actor?.email ?? (r.actorId ? "(deleted user)" : "worker"),
      account: r.entityType === "social_account" && r.entityId ? (byId.get(r.entityId) ?? { id: r.entityId, handle: "(removed)", platform: null }) : null,
      data: r.data as Record<string, unknown> | null,
    })),
    nextCursor: rows.length > take ? items[items.length - 1].id : null,
  };
}

/** One post the local outbox published (its public page). */
export const getOutboxPost = (id: string) => db.outboxPost.findUnique({ where: { id } });
