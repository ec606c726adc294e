import { db } from "../../db";
import { env } from "../../env";
import { AppError } from "../../errors";
import { payments } from "../../providers/payments";
import { assertSafeContent } from "../moderation/check-content";
import { money } from "../../../lib/format";
import { ZCreateDonation, type CreateDonationInput } from "./schema";

/** Records a PENDING donation and opens a checkout for it (same provider as commissions). */
export async function createDonation(raw: CreateDonationInput) {
  const input = ZCreateDonation.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v === "" ? undefined : v])));
  let subreddit = input.subreddit;
  if (input.productId) {
    const product = await db.product.findUnique({ where: { id: input.productId } });
    if (!product) throw new AppError("BAD_REQUEST", "That product does not exist");
    subreddit = product.community ?? undefined;
  }
  const words = [input.message, input.anonymous ? undefined : input.donorName].filter(Boolean).join("\n");
  if (words) await assertSafeContent("Your name or message", { title: words, body: "", community: subreddit ?? null, over18: false, subredditNsfw: false });
  const goal = subreddit ? await db.fundraisingGoal.findFirst({ where: { subreddit, active: true }, orderBy: { createdAt: "asc" } }) : null;
  const donation = await db.donation.create({
    data: { subreddit, productId: input.productId, goalId: goal?.id, amountCents: input.amountCents, donorName: input.donorName, anonymous: input.anonymous, message: input.message },
  });
  const provider = payments();
  const target = input.productId ? "a product" : `r/${subreddit}`;
  let session;
  try {
    session = await provider.createCheckoutSession({
      donationId: donation.id,
      amountCents: input.amountCents,
      currency: "usd",
      description: `Donation of ${money(input.amountCents)} to ${target}`,
      successUrl: `${env().appUrl}/fundraising?thanks=1`,
      cancelUrl: `${env().appUrl}/fundraising`,
      metadata: { donationId: donation.id },
      idempotencyKey: `checkout:${donation.id}`,
    });
  } catch {
    throw new AppError("UPSTREAM", "The payment provider is not answering right now. Please try again in a minute");
  }
  await db.payment.create({
    data: { provider: provider.name, donationId: donation.id, checkoutSessionId: session.sessionId, amountCents: input.amountCents, currency: "usd", checkoutUrl: session.url },
  });
  return { id: donation.id, checkoutUrl: session.url };
}
