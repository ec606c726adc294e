import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "../app/api/webhooks/stripe/route";
import { createCaller } from "../server/api/root";
import { db } from "../server/db";
import { createDonation } from "../server/services/donations/create-donation";
import { fundraisingGoals, leaderboard } from "../server/services/donations/fundraising";
import { seedFundraising } from "../server/services/donations/seed-fundraising";
import { payLocalCheckout } from "../server/services/payments/local-checkout";
import { drainStripeEvents, signed, useLocalPayments, webhookRequest } from "./helpers/commissions";
import { uid } from "./helpers/factories";

beforeAll(() => useLocalPayments());

async function donate(subreddit: string, amountCents: number, donorName?: string, anonymous = false) {
  const d = await createDonation({ subreddit, amountCents, donorName, anonymous });
  const payment = await db.payment.findUniqueOrThrow({ where: { donationId: d.id } });
  await payLocalCheckout(payment.checkoutSessionId);
  return { ...d, payment };
}

describe("donations and fundraising", () => {
  it("seeds goals once", async () => {
    const n = await seedFundraising();
    expect(await seedFundraising()).toBe(n);
    expect(n).toBeGreaterThanOrEqual(3);
  });

  it("counts only PAID donations, once, toward the goal and the leaderboards", async () => {
    const sub = uid("sub").replace(/-/g, "").toLowerCase();
    const goal = await db.fundraisingGoal.create({ data: { subreddit: sub, title: "Test goal", targetCents: 10_000 } });
    const named = uid("Donor ");
    const a = await donate(sub, 2_500, named);
    await donate(sub, 1_000, "Secret person", true);
    await createDonation({ subreddit: sub, amountCents: 9_900, donorName: named }); // never paid
    // Stripe redelivers the same completion: still one payment counted.
    const again = signed("checkout.session.completed", { id: a.payment.checkoutSessionId, object: "checkout.session", metadata: { donationId: a.id }, amount_total: 2_500, currency: "usd", payment_status: "paid", payment_intent: "pi_other" });
    await POST(webhookRequest(again));
    await drainStripeEvents();

    expect((await db.donation.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("PAID");
    const g = (await fundraisingGoals()).find((x) => x.id === goal.id)!;
    expect(g).toMatchObject({ raisedCents: 3_500, donations: 2, percent: 35 });
    const board = await leaderboard(100);
    expect(board.subreddits.find((s) => s.subreddit === sub)?.raisedCents).toBe(3_500);
    expect(board.donors.find((d) => d.name === named)?.raisedCents).toBe(2_500);
    expect(board.donors.some((d) => d.name === "Secret person")).toBe(false);
  });

  it("refuses bad donations with clear messages", async () => {
    const api = createCaller({ user: null }).donations;
    await expect(api.create({ subreddit: "aww", amountCents: 50 })).rejects.toThrow(/smallest donation is \$1/);
    await expect(api.create({ amountCents: 500 })).rejects.toThrow(/either a subreddit or a product/);
    await expect(api.create({ productId: "nope", amountCents: 500 })).rejects.toThrow(/product does not exist/);
  });
});
