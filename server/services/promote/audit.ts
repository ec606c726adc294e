import type { Prisma } from "@prisma/client";
import { db } from "../../db";
import type { PromoActionName } from "../../../lib/promote";

// Every promoter event goes to the shared audit trail (audit_logs): who (actorId, null = a worker),
// what (action "promote.<verb>"), when (createdAt) and which account (entityType social_account,
// entityId = account id, so the dashboard filters by account on an index). Never a secret in `data`.

export type PromoAction = PromoActionName;

type Client = Pick<typeof db, "auditLog"> | Prisma.TransactionClient;

export async function promoAudit(
  action: PromoAction,
  { accountId, actorId = null, postId, data }: { accountId: string | null; actorId?: string | null; postId?: string; data?: Record<string, unknown> },
  client: Client = db,
) {
  await client.auditLog.create({
    data: {
      action: `promote.${action}`,
      actorId,
      entityType: accountId ? "social_account" : "promote",
      entityId: accountId,
      data: { ...(postId ? { postId } : {}), ...(data ?? {}) } as Prisma.InputJsonValue,
    },
  });
}
