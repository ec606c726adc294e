import type { CommissionStatus } from "@prisma/client";
import { db } from "../../db";
import { recordEvent, type CommissionEventInput } from "./events";
import { notifyCommission } from "./notify-commission";
import { requestRefund } from "./request-refund";
import { transition } from "./state";

export type FulfilResult = { status: CommissionStatus; productId?: string | null };

/** An automatic refund starts only from these: paid, not yet delivered, not waiting for an admin. */
const AUTO_REFUNDABLE: CommissionStatus[] = ["PAID", "IN_PROGRESS"];

/** The storefront product already made for this commission (linked, or on its idea's design listing). */
export async function existingProduct(c: { productId: string | null; ideaId: string | null }): Promise<string | null> {
  if (c.productId) return c.productId;
  if (!c.ideaId) return null;
  const p = await db.product.findFirst({ where: { listing: { design: { ideaId: c.ideaId } } }, orderBy: { createdAt: "asc" }, select: { id: true } });
  return p?.id ?? null;
}

/** IN_PROGRESS → COMPLETED with this product; the one caller that wins records the "done" event. */
export async function completeCommission(commissionId: string, productId: string) {
  await db.$transaction(async (tx) => {
    const guard = { OR: [{ productId: null }, { productId }] };
    if (!(await transition(commissionId, "COMPLETED", { productId, stage: "done", completedAt: new Date() }, tx, guard))) return;
    await recordEvent(commissionId, { type: "done", message: "Your product is ready", progress: 100, dedupeKey: "done", data: { productId } }, tx);
  });
  // Also on a rerun after a crash between the commit and the mail (the key makes it once).
  const now = await db.commission.findUnique({ where: { id: commissionId }, select: { status: true } });
  if (now?.status === "COMPLETED") await notifyCommission(commissionId, "ready");
}

/**
 * Fulfilment cannot go on (the last attempt failed, or the content is unusable). A commission that
 * is still PAID/IN_PROGRESS with no product is refunded. If its product already exists (a worker died
 * after publishing), it completes with that product instead. A delivered commission is never refunded
 * automatically — only an admin does that, deliberately.
 */
export async function endUnfulfilled(commissionId: string, reason: string, event: CommissionEventInput): Promise<FulfilResult> {
  const c = await db.commission.findUniqueOrThrow({ where: { id: commissionId } });
  if (!AUTO_REFUNDABLE.includes(c.status)) return { status: c.status, productId: c.productId };
  const productId = await existingProduct(c);
  if (productId) {
    await completeCommission(c.id, productId);
  } else {
    await recordEvent(c.id, event);
    await requestRefund(c.id, reason, { guard: { status: { in: AUTO_REFUNDABLE }, productId: null } });
  }
  const now = await db.commission.findUniqueOrThrow({ where: { id: c.id }, select: { status: true, productId: true } });
  return { status: now.status, productId: now.productId };
}
