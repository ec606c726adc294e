import { db } from "../../db";
import { AppError } from "../../errors";
import { payments } from "../../providers/payments";
import { enqueue } from "../../queues/enqueue";
import { markRefundFailed, settleRefund } from "./settle-refund";

/**
 * The key sent to the provider. Retries after a network error reuse it (the provider answers with
 * the same refund); only a retry after the provider reported the refund failed gets a fresh one.
 */
export const providerKey = (r: { idempotencyKey: string; status: string; providerRefundId: string | null }) =>
  r.status === "FAILED" && r.providerRefundId ? `${r.idempotencyKey}:after:${r.providerRefundId}` : r.idempotencyKey;

/** Sends one Refund row to the payments provider. Safe to run twice: a settled refund returns at once. */
export async function runRefund(refundId: string) {
  const r = await db.refund.findUnique({ where: { id: refundId }, include: { payment: true } });
  if (!r) throw new AppError("NOT_FOUND", `Refund ${refundId} does not exist`);
  if (r.status === "SUCCEEDED") return r;
  if (!r.payment.paymentIntentId) throw new AppError("PRECONDITION_FAILED", "The payment has no payment intent to refund");
  await db.refund.update({ where: { id: r.id }, data: { attempts: { increment: 1 } } });
  let result;
  try {
    result = await payments().refund({
      paymentIntentId: r.payment.paymentIntentId,
      amountCents: r.amountCents,
      currency: r.currency,
      idempotencyKey: providerKey(r),
      reason: r.reason,
      metadata: { refundId: r.id, ...(r.commissionId ? { commissionId: r.commissionId } : {}) },
    });
  } catch (err) {
    // No answer (network, timeout, 5xx): the refund may or may not exist at the provider. Keep the
    // status, so the queue's retry sends the same idempotency key and can never refund twice.
    const message = err instanceof Error ? err.message : String(err);
    await db.refund.update({ where: { id: r.id }, data: { lastError: message.slice(0, 1000) } });
    throw err;
  }
  if (result.status === "succeeded") await settleRefund(r.paymentId, result.refundId);
  else if (result.status === "failed" || result.status === "canceled") {
    await markRefundFailed(r.paymentId, result.refundId, `provider reported the refund ${result.status}`);
    throw new AppError("UPSTREAM", `The provider reported refund ${result.refundId} ${result.status}`);
  } else {
    // pending: the refund.updated webhook settles it
    await db.refund.update({ where: { id: r.id }, data: { status: "PENDING", providerRefundId: result.refundId, lastError: null } });
  }
  return db.refund.findUniqueOrThrow({ where: { id: r.id } });
}

/** Admin action: send a failed (or stuck) refund again. */
export async function retryRefund(refundId: string, by?: string) {
  const r = await db.refund.findUnique({ where: { id: refundId } });
  if (!r) throw new AppError("NOT_FOUND", "No such refund");
  if (r.status === "SUCCEEDED") throw new AppError("CONFLICT", "This refund already succeeded");
  await db.auditLog.create({ data: { actorId: by, action: "refund.retry", entityType: "refund", entityId: r.id } });
  await enqueue("refund", { refundId: r.id }, { jobId: `${r.id}-retry-${r.attempts}` });
  return { ok: true };
}
