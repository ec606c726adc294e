import { db } from "../../db";
import { log } from "../../log";
import { enqueue } from "../../queues/enqueue";
import { money } from "../../../lib/format";
import { recordEvent } from "./events";
import { notifyCommission } from "./notify-commission";
import { requestRefund } from "./request-refund";
import { transition } from "./state";
import { recordCost } from "../costs/record-cost";
import { recordOutcomes } from "../outcomes/record-outcomes";

export type PaidSession = { commissionId: string; sessionId: string; paymentIntentId: string | null; amountTotal: number | null; currency: string | null; provider: string };

/** Queues the one fulfilment job (jobId = commission id makes a repeated add a no-op). */
export async function enqueueFulfilment(commissionId: string, priority: number, jobId = commissionId) {
  await enqueue("commission", { commissionId }, { jobId, priority });
}

/**
 * A checkout was paid. The conditional transition lets exactly one delivery win: it records the
 * Payment and the "paid" event in one transaction, then queues one fulfilment job.
 */
export async function markCommissionPaid(p: PaidSession): Promise<string> {
  const c = await db.commission.findUnique({ where: { id: p.commissionId }, include: { tier: true } });
  if (!c) return "ignored: unknown commission";
  const amount = p.amountTotal ?? c.amountCents;
  const currency = (p.currency ?? c.currency).toLowerCase();
  const paidAt = new Date();
  const won = await db.$transaction(async (tx) => {
    if (!(await transition(c.id, "PAID", { paidAt, stage: "paid" }, tx))) return false;
    await tx.payment.upsert({
      where: { checkoutSessionId: p.sessionId },
      create: { provider: p.provider, commissionId: c.id, checkoutSessionId: p.sessionId, paymentIntentId: p.paymentIntentId, amountCents: amount, currency, status: "SUCCEEDED", paidAt },
      update: { status: "SUCCEEDED", paymentIntentId: p.paymentIntentId, amountCents: amount, currency, paidAt },
    });
    await recordEvent(c.id, { type: "paid", message: `Payment of ${money(amount, currency)} received`, progress: 5, dedupeKey: "paid" }, tx);
    return true;
  });
  // A redelivery finding the commission still PAID (e.g. the winner crashed after the commit) repeats
  // the winner's follow-up: both the refund request and the job add are idempotent.
  const now = won ? c.status : (await db.commission.findUnique({ where: { id: c.id }, select: { status: true } }))?.status;
  if (amount !== c.amountCents || currency !== c.currency) {
    if (won) log.error({ commissionId: c.id, amount, expected: c.amountCents }, "paid amount does not match the commission; refunding");
    if (won || now === "PAID" || now === "REFUND_PENDING") await requestRefund(c.id, "amount_mismatch");
    return won ? "paid: amount mismatch, refund requested" : "duplicate";
  }
  if (won) {
    await recordOutcomes([{ kind: "COMMISSION", source: "SERVER", marketplace: "LOCAL", commissionId: c.id, signalId: c.signalId, ideaId: c.ideaId, community: c.subreddit, revenueCents: amount, currency, dedupeKey: `commission:${c.id}` }]).catch((err) =>
      log.error({ err: (err as Error).message, commissionId: c.id }, "could not record the commission outcome"),
    );
  }
  if (won && p.provider === "stripe") {
    // Stripe's card fee on this charge (price table: stripe:card), paid spend of the commission.
    await recordCost({ provider: "stripe", operation: "fee", priceBase: "stripe:card", units: { cent: amount }, commissionId: c.id, signalId: c.signalId, ideaId: c.ideaId, community: c.subreddit, paid: true, dedupeKey: `stripe:fee:${p.sessionId}` }).catch((err) =>
      log.error({ err: (err as Error).message, commissionId: c.id }, "could not record the Stripe fee"),
    );
  }
  if (won || now === "PAID") {
    await enqueueFulfilment(c.id, c.tier.priority);
    await notifyCommission(c.id, "receipt");
  }
  return won ? "paid" : "duplicate";
}

export async function markCommissionUnpaid(commissionId: string, sessionId: string, outcome: "EXPIRED" | "PAYMENT_FAILED") {
  const moved = await db.$transaction(async (tx) => {
    if (!(await transition(commissionId, outcome, { stage: null }, tx))) return false;
    await tx.payment.updateMany({ where: { checkoutSessionId: sessionId, status: "PENDING" }, data: { status: outcome === "EXPIRED" ? "EXPIRED" : "FAILED" } });
    const message = outcome === "EXPIRED" ? "The checkout expired before payment" : "The payment failed";
    await recordEvent(commissionId, { type: outcome.toLowerCase(), message, dedupeKey: outcome.toLowerCase() }, tx);
    return true;
  });
  return moved ? outcome.toLowerCase() : "ignored: already past that state";
}
