import { randomBytes } from "node:crypto";
import type { CommissionTier } from "@prisma/client";
import { db } from "../../db";
import { env } from "../../env";
import { AppError } from "../../errors";
import { log } from "../../log";
import { payments } from "../../providers/payments";
import { reddit } from "../../providers/reddit";
import { assertSafeContent } from "../moderation/check-content";
import { parsePostUrl } from "./post-url";
import { redditPostUrl } from "./trending";
import { money } from "../../../lib/format";
import { blankToUndefined, ZCreateCommission, type CreateCommissionInput } from "./schema";

export type CreatedCommission = { id: string; publicToken: string; checkoutUrl: string; statusUrl: string };

export const statusUrlFor = (publicToken: string) => `${env().appUrl}/c/${publicToken}`;

async function findTier(ref: string): Promise<CommissionTier> {
  const tier = await db.commissionTier.findFirst({ where: { OR: [{ slug: ref.toLowerCase() }, { id: ref }] } });
  if (!tier || !tier.active) throw new AppError("BAD_REQUEST", `There is no active tier called "${ref}"`);
  return tier;
}

/**
 * Validates a commission request, stores it AWAITING_PAYMENT and opens a checkout session.
 * The one entry point for the storefront (tRPC) and the public API.
 */
export async function createCommission(raw: CreateCommissionInput): Promise<CreatedCommission> {
  const input = ZCreateCommission.parse(blankToUndefined(raw as Record<string, unknown>));
  const tier = await findTier(input.tier);
  if (input.amountCents !== undefined && input.amountCents !== tier.priceCents) {
    throw new AppError("BAD_REQUEST", `The ${tier.name} tier costs ${money(tier.priceCents, tier.currency)}, not ${money(input.amountCents, tier.currency)}`);
  }
  if (!tier.allowedTypes.includes(input.type)) {
    const allowed = tier.allowedTypes.map((t) => t.toLowerCase()).join(", ");
    throw new AppError("BAD_REQUEST", `The ${tier.name} tier allows ${allowed} commissions only; choose a higher tier for a ${input.type.toLowerCase()} commission`);
  }

  let postUrl: string | undefined;
  let subreddit: string | undefined;
  if (input.type === "POST") {
    const ref = parsePostUrl(input.postUrl!)!;
    const post = await reddit().post(ref.id);
    if (!post || post.removed) throw new AppError("BAD_REQUEST", "We couldn't find that Reddit post. Check the URL and try again");
    await assertSafeContent("That post", { title: post.title, body: post.selftext, community: post.subreddit, over18: post.over18, subredditNsfw: post.subredditNsfw }, "can't be commissioned");
    subreddit = post.subreddit;
    postUrl = redditPostUrl(subreddit ? subreddit.toLowerCase() : ref.subreddit, ref.id);
  } else if (input.type === "SUBREDDIT") {
    subreddit = input.subreddit!;
    const posts = await reddit().listing(subreddit, "hot", 5);
    if (!posts.length) throw new AppError("BAD_REQUEST", `We couldn't find any posts in r/${subreddit}`);
    if (posts.every((p) => p.subredditNsfw)) throw new AppError("UNPROCESSABLE", `r/${subreddit} is marked NSFW and can't be commissioned`);
  }
  const words = [input.message, input.anonymous ? undefined : input.displayName].filter(Boolean).join("\n");
  if (words) await assertSafeContent("Your message", { title: words, body: "", community: subreddit ?? null, over18: false, subredditNsfw: false }, "can't be commissioned");

  const publicToken = randomBytes(32).toString("base64url");
  const commission = await db.commission.create({
    data: {
      publicToken,
      tierId: tier.id,
      type: input.type,
      postUrl,
      subreddit,
      message: input.message,
      displayName: input.displayName,
      anonymous: input.anonymous,
      promoteOptIn: input.promoteOptIn,
      email: input.email,
      amountCents: tier.priceCents,
      currency: tier.currency,
      events: { create: { type: "created", message: `${tier.name} commission created, waiting for payment`, dedupeKey: "created", progress: 0 } },
    },
  });

  const statusUrl = statusUrlFor(publicToken);
  const provider = payments();
  let session: { sessionId: string; url: string };
  try {
    session = await provider.createCheckoutSession({
      commissionId: commission.id,
      amountCents: tier.priceCents,
      currency: tier.currency,
      description: `Merchloop ${tier.name} commission`,
      successUrl: statusUrl,
      cancelUrl: `${env().appUrl}/commission?cancelled=1`,
      metadata: { commissionId: commission.id, tier: tier.slug },
      idempotencyKey: `checkout:${commission.id}`,
    });
  } catch (err) {
    log.error({ err: err instanceof Error ? err.message : String(err), commissionId: commission.id }, "checkout session failed");
    throw new AppError("UPSTREAM", "The payment provider is not answering right now. Please try again in a minute");
  }
  await db.payment.create({
    data: {
      provider: provider.name,
      commissionId: commission.id,
      checkoutSessionId: session.sessionId,
      amountCents: tier.priceCents,
      currency: tier.currency,
      checkoutUrl: session.url,
    },
  });
  return { id: commission.id, publicToken, checkoutUrl: session.url, statusUrl };
}
