import { db } from "../../db";

type PaidDonation = { donationId: string; sessionId: string; paymentIntentId: string | null; amountTotal: number | null; currency: string | null; provider: string };

/** A donation's checkout was paid: Donation PAID and its Payment SUCCEEDED, once. */
export async function markDonationPaid(p: PaidDonation): Promise<string> {
  return db.$transaction(async (tx) => {
    const d = await tx.donation.findUnique({ where: { id: p.donationId } });
    if (!d) return "ignored: unknown donation";
    const moved = await tx.donation.updateMany({ where: { id: d.id, status: { in: ["PENDING", "FAILED"] } }, data: { status: "PAID" } });
    if (moved.count === 0) return "duplicate";
    const amount = p.amountTotal ?? d.amountCents;
    await tx.payment.upsert({
      where: { checkoutSessionId: p.sessionId },
      create: { provider: p.provider, donationId: d.id, checkoutSessionId: p.sessionId, paymentIntentId: p.paymentIntentId, amountCents: amount, currency: p.currency ?? d.currency, status: "SUCCEEDED", paidAt: new Date() },
      update: { status: "SUCCEEDED", paymentIntentId: p.paymentIntentId, amountCents: amount, paidAt: new Date() },
    });
    return "donation paid";
  });
}

export async function markDonationUnpaid(donationId: string, sessionId: string, outcome: "EXPIRED" | "PAYMENT_FAILED") {
  const moved = await db.donation.updateMany({ where: { id: donationId, status: "PENDING" }, data: { status: "FAILED" } });
  await db.payment.updateMany({ where: { checkoutSessionId: sessionId, status: "PENDING" }, data: { status: outcome === "EXPIRED" ? "EXPIRED" : "FAILED" } });
  return moved.count ? `donation ${outcome.toLowerCase()}` : "ignored";
}
