import type { Prisma } from "@prisma/client";
import { db } from "../../db";

export type AuditFilter = { action?: string; entityType?: string; actorId?: string; cursor?: string; take?: number };

/**
 * The audit trail, newest first, cursor-paginated: every review decision, setting change, user
 * change and retry. `action` matches a prefix ("listing." = every review decision). One statement
 * per page plus one for the actors on it.
 */
export async function listAudit(opts: AuditFilter = {}) {
  const take = Math.min(Math.max(opts.take ?? 50, 1), 200);
  const where: Prisma.AuditLogWhereInput = {
    action: opts.action ? { startsWith: opts.action } : undefined,
    entityType: opts.entityType,
    actorId: opts.actorId,
  };
  const rows = await db.auditLog.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    ...(opts.cursor ? { cursor: { id: opts.cursor }, skip: 1 } : {}),
    select: { id: true, action: true, entityType: true, entityId: true, data: true, createdAt: true, actor: { select: { email: true } } },
  });
  return { items: rows.slice(0, take), nextCursor: rows.length > take ? rows[take - 1].id : null };
}

/** The distinct entity types and action families, for the filter menus. */
export async function auditFacets() {
  const rows = await db.auditLog.groupBy({ by: ["entityType", "action"], orderBy: [{ entityType: "asc" }, { action: "asc" }] });
  return {
    entityTypes: [...new Set(rows.map((r) => r.entityType))],
    actions: [...new Set(rows.map((r) => r.action))],
  };
}
