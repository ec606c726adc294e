import { Prisma, type Brand, type PromoPostKind, type SocialAccount } from "@prisma/client";
import { db } from "../../db";
import { env } from "../../env";
import { AppError } from "../../errors";
import { copywriter, type CopyInput } from "../../providers/copywriter";
import { clip } from "../../providers/copywriter/local";
import { storage } from "../../providers/storage";
import { checkContent } from "../moderation/check-content";
import { promoAudit } from "./audit";
import { approvePosts } from "./review-posts";
import { checkCaps, recordSpend } from "./spend";

// Drafts one post per eligible account when a product is published (or its commission completed
// with the shopper's opt-in). Each draft carries the product link with the account's `tc` tracking
// code and the product image, and passes moderation + the denylist before anyone sees it (otherwise
// it is stored BLOCKED with the reason). Idempotent: one post per (account, product, kind).

export const TEXT_LIMIT: Record<SocialAccount["platform"], number> = { REDDIT: 300, BLUESKY: 300, MASTODON: 500, OUTBOX: 1000 };

type Account = SocialAccount & { brand: Brand };
export type DraftOutcome = { accountId: string; postId?: string; status: "drafted" | "blocked" | "skipped"; reason?: string };

export const productLink = (slug: string, trackingCode: string) => `${env().appUrl}/products/${slug}?tc=${encodeURIComponent(trackingCode)}`;

/** The subreddit/community to post to: the product's own when the account may post there, else the first allowed. */
export function pickCommunity(account: Pick<SocialAccount, "platform" | "communities">, productCommunity: string | null): string | null {
  const allowed = account.communities.map((c) => c.toLowerCase());
  const own = productCommunity?.toLowerCase() ?? null;
  if (own && allowed.includes(own)) return own;
  return allowed[0] ?? null;
}

/** Body, hashtags and link joined to fit the platform. */
export function composeText(body: string, hashtags: string[], link: string, limit: number) {
  const tags = hashtags.map((h) => `#${h.replace(/\s+/g, "")}`).join(" ");
  const tail = [tags, link].filter(Boolean).join("\n");
  return `${clip(body, Math.max(20, limit - tail.length - 2))}\n\n${tail}`;
}

async function subjectOf(listingId: string) {
  const product = await db.product.findUnique({
    where: { listingId },
    include: { listing: { select: { description: true, tags: true, design: { select: { ideaId: true } } } } },
  });
  if (!product) throw new AppError("NOT_FOUND", `Listing ${listingId} has no storefront product yet`, { retryable: false });
  const commission = await db.commission.findFirst({ where: { OR: [{ productId: product.id }, { ideaId: product.listing.design.ideaId }] }, orderBy: { createdAt: "asc" } });
  return { product, commission };
}

/**
 * Called (through the `promote` job) when the storefront publication of a listing is PUBLISHED.
 * A commission's product waits for the commission to complete and is promoted only with the shopper's opt-in.
 */
export async function draftPromotionsForListing(listingId: string): Promise<{ kind: PromoPostKind | null; outcomes: DraftOutcome[]; reason?: string }> {
  const { product, commission } = await subjectOf(listingId);
  let kind: PromoPostKind = "PRODUCT";
  if (commission) {
    if (!commission.promoteOptIn) return { kind: null, outcomes: [], reason: "the shopper did not opt in to promotion" };
    if (["PAID", "IN_PROGRESS", "NEEDS_REVIEW"].includes(commission.status)) {
      throw new AppError("CONFLICT", "The commission has not completed yet; promotion waits for it");
    }
    if (commission.status !== "COMPLETED") return { kind: null, outcomes: [], reason: `the commission ended ${commission.status.toLowerCase()}` };
    kind = "COMMISSION";
  }
  const accounts = await db.socialAccount.findMany({ where: { status: { not: "PAUSED" } }, include: { brand: true }, orderBy: { createdAt: "asc" } });
  const outcomes: DraftOutcome[] = [];
  for (const account of accounts) {
    outcomes.push(await draftForAccount(account, { product, kind, commissionId: commission?.id ?? null }));
  }
  return { kind, outcomes };
}

type Subject = Awaited<ReturnType<typeof subjectOf>>["product"];

async function draftForAccount(account: Account, s: { product: Subject; kind: PromoPostKind; commissionId: string | null }): Promise<DraftOutcome> {
  const { product, kind } = s;
  const dedupeKey = `${account.id}:${product.id}:${kind}`;
  if (await db.promoPost.findUnique({ where: { dedupeKey }, select: { id: true } })) return { accountId: account.id, status: "skipped", reason: "already drafted" };
  const community = account.platform === "REDDIT" ? pickCommunity(account, product.community) : null;
  if (account.platform === "REDDIT" && !community) return { accountId: account.id, status: "skipped", reason: "no allowed subreddit" };

  const caps = await checkCaps(account);
  if (!caps.ok) {
    await promoAudit("cap_hit", { accountId: account.id, data: { reason: caps.reason, productId: product.id, brandId: account.brandId } });
    return { accountId: account.id, status: "skipped", reason: caps.reason };
  }

  const link = productLink(product.slug, account.trackingCode);
  const limit = TEXT_LIMIT[account.platform];
  const input: CopyInput = {
    kind: kind === "COMMISSION" ? "commission" : "product",
    platform: account.platform,
    product: {
      title: product.title,
      description: product.listing.description,
      tags: product.listing.tags,
      community: product.community,
      priceLabel: `${(product.priceCents / 100).toFixed(2)} ${product.currency.toUpperCase()}`,
    },
    persona: { voice: account.voice, hashtags: account.hashtags, doRules: account.doRules, dontRules: account.dontRules },
    maxBody: limit,
  };
  const writer = copywriter();
  const { copy, usage } = await writer.write(input);
  const text = account.platform === "REDDIT" ? clip(copy.title, limit) : composeText(copy.body, account.hashtags, link, limit);
  const verdict = await checkContent({ title: copy.title, body: text, community, over18: false, subredditNsfw: false });

  let post;
  try {
    post = await db.promoPost.create({
      data: {
        accountId: account.id,
        kind,
        dedupeKey,
        status: verdict.ok ? "DRAFT" : "BLOCKED",
        blockReason: verdict.ok ? null : verdict.reason,
        productId: product.id,
        commissionId: s.commissionId,
        title: copy.title,
        body: text,
        link,
        imageKey: product.coverKey,
        imageUrl: storage().publicUrl(product.coverKey),
        community,
        writer: writer.name,
      },
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return { accountId: account.id, status: "skipped", reason: "already drafted" };
    throw e;
  }
  await recordSpend(usage, { kind: "draft", accountId: account.id, brandId: account.brandId, postId: post.id, productId: product.id });
  await promoAudit(verdict.ok ? "draft" : "blocked", { accountId: account.id, postId: post.id, data: { kind, productId: product.id, writer: writer.name, ...(verdict.ok ? {} : { reason: verdict.reason }) } });
  if (!verdict.ok) return { accountId: account.id, postId: post.id, status: "blocked", reason: verdict.reason };
  if (account.autoPost) await approvePosts([post.id], null);
  return { accountId: account.id, postId: post.id, status: "drafted" };
}

/**
 * The community agent: a reply draft for a comment someone left on one of our posts. Always waits
 * for approval (auto-post never applies to replies). One per (account, comment).
 */
export async function draftReply(parent: { id: string; accountId: string; productId: string | null; title: string | null }, comment: { id: string; author: string; text: string }) {
  const dedupeKey = `${parent.accountId}:${comment.id}:REPLY`;
  if (await db.promoPost.findUnique({ where: { dedupeKey }, select: { id: true } })) return null;
  const account = await db.socialAccount.findUniqueOrThrow({ where: { id: parent.accountId }, include: { brand: true } });
  const incoming = await checkContent({ title: comment.text, body: "", over18: false, subredditNsfw: false });
  if (!incoming.ok) return null; // we do not engage with comments that fail moderation
  const caps = await checkCaps(account);
  if (!caps.ok) {
    await promoAudit("cap_hit", { accountId: account.id, data: { reason: caps.reason, replyTo: comment.id, brandId: account.brandId } });
    return null;
  }
  const writer = copywriter();
  const { copy, usage } = await writer.write({
    kind: "reply",
    platform: account.platform,
    product: { title: parent.title ?? "our post", description: "", tags: [], community: null, priceLabel: "" },
    persona: { voice: account.voice, hashtags: [], doRules: account.doRules, dontRules: account.dontRules },
    comment: { author: comment.author, text: comment.text },
    maxBody: Math.min(TEXT_LIMIT[account.platform], 280),
  });
  const verdict = await checkContent({ title: copy.body, body: "", over18: false, subredditNsfw: false });
  try {
    const post = await db.promoPost.create({
      data: {
        accountId: account.id,
        kind: "REPLY",
        dedupeKey,
        status: verdict.ok ? "DRAFT" : "BLOCKED",
        blockReason: verdict.ok ? null : verdict.reason,
        productId: parent.productId,
        parentId: parent.id,
        replyToId: comment.id,
        title: `Reply to ${comment.author}: ${clip(comment.text, 120)}`,
        body: copy.body,
        writer: writer.name,
      },
    });
    await recordSpend(usage, { kind: "reply_draft", accountId: account.id, brandId: account.brandId, postId: post.id, productId: parent.productId });
    await promoAudit(verdict.ok ? "draft" : "blocked", { accountId: account.id, postId: post.id, data: { kind: "REPLY", replyTo: comment.id } });
    return post;
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return null;
    throw e;
  }
}
