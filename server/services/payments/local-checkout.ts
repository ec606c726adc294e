import { db } from "../../db";
import { AppError } from "../../errors";
import { deliverLocalEvent, isLocalSessionId, signedLocalEvent } from "../../providers/payments/local";
import { payments } from "../../providers/payments";
import { localId } from "../../providers/payments/local-secret";
import { statusUrlFor } from "../commissions/create-commission";

// The local test checkout: the page shows what a session charges; Pay / Cancel announce the outcome
// as signed Stripe-shaped events through the webhook, exactly like Stripe would.

/** The local checkout exists only while the local provider is active: otherwise it is a 404. */
export const localCheckoutActive = () => payments().name === "local";

async function loadSession(sessionId: string) {
  if (!localCheckoutActive()) throw new AppError("NOT_FOUND", "There is no test checkout here");
  if (!isLocalSessionId(sessionId)) throw new AppError("NOT_FOUND", "Not a local test checkout session");
  const payment = await db.payment.findUnique({
    where: { checkoutSessionId: sessionId },
    include: { commission: { select: { id: true, publicToken: true, status: true, tier: { select: { name: true } } } }, donation: { select: { id: true, subreddit: true, status: true } } },
  });
  if (!payment) throw new AppError("NOT_FOUND", "This checkout session does not exist");
  return payment;
}

export async function localCheckoutSession(sessionId: string) {
  const p = await loadSession(sessionId);
  const description = p.commission ? `${p.commission.tier.name} commission` : `Donation${p.donation?.subreddit ? ` to r/${p.donation.subreddit}` : ""}`;
  return {
    sessionId,
    amountCents: p.amountCents,
    currency: p.currency,
    description,
    status: p.status,
    successUrl: p.commission ? statusUrlFor(p.commission.publicToken) : "/fundraising?thanks=1",
    cancelUrl: p.commission ? "/commission?cancelled=1" : "/fundraising",
  };
}

function sessionObject(p: Awaited<ReturnType<typeof loadSession>>, paid: boolean) {
  const metadata: Record<string, string> = p.commissionId ? { commissionId: p.commissionId } : { donationId: p.donationId! };
  return {
    id: p.checkoutSessionId,
    object: "checkout.session",
    mode: "payment",
    client_reference_id: p.commissionId ?? p.donationId,
    metadata,
    amount_total: p.amountCents,
    currency: p.currency,
    status: paid ? "complete" : "expired",
    payment_status: paid ? "paid" : "unpaid",
    payment_intent: paid ? localId("pi", `pi:${p.checkoutSessionId}`) : null,
  };
}

/** "Pay": emits checkout.session.completed (signed) to the webhook. Returns where to send the shopper. */
export async function payLocalCheckout(sessionId: string, opts: { webhookUrl?: string } = {}) {
  const p = await loadSession(sessionId);
  const view = await localCheckoutSession(sessionId);
  if (p.status !== "PENDING") return { redirectTo: view.successUrl, eventId: null };
  const signed = signedLocalEvent("checkout.session.completed", sessionObject(p, true));
  await deliverLocalEvent(signed, opts.webhookUrl);
  return { redirectTo: view.successUrl, eventId: signed.event.id };
}

/** "Cancel": the session expires (checkout.session.expired through the webhook). */
export async function cancelLocalCheckout(sessionId: string, opts: { webhookUrl?: string } = {}) {
  const p = await loadSession(sessionId);
  const view = await localCheckoutSession(sessionId);
  if (p.status !== "PENDING") return { redirectTo: view.cancelUrl, eventId: null };
  const signed = signedLocalEvent("checkout.session.expired", sessionObject(p, false));
  await deliverLocalEvent(signed, opts.webhookUrl);
  return { redirectTo: view.cancelUrl, eventId: signed.event.id };
}
