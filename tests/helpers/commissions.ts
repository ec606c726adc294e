import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { db } from "../../server/db";
import { resetEnvCache } from "../../server/env";
import { resetReddit } from "../../server/providers/reddit";
import { resetPaymentsProvider } from "../../server/providers/payments";
import { signedLocalEvent } from "../../server/providers/payments/local";
import { localId } from "../../server/providers/payments/local-secret";
import { queue } from "../../server/queues/connection";
import { createCommission } from "../../server/services/commissions/create-commission";
import { seedTiers } from "../../server/services/commissions/seed-tiers";
import { applyStripeEvent } from "../../server/services/payments/apply-event";
import { uid } from "./factories";

type PostFixture = { id?: string; title?: string; selftext?: string; score?: number; over_18?: boolean; ageSeconds?: number };

/** A temp directory of Reddit listing files used by the local Reddit provider (REDDIT_LOCAL_DIR). */
export function redditFixture() {
  const dir = mkdtempSync(join(tmpdir(), "merchloop-reddit-"));
  process.env.REDDIT_LOCAL_DIR = dir;
  resetEnvCache();
  resetReddit();
  return {
    dir,
    /** Writes r/<sub> with these posts; returns their ids. */
    subreddit(sub: string, posts: PostFixture[]) {
      const now = Math.floor(Date.now() / 1000);
      const children = posts.map((p, i) => {
        const id = p.id ?? uid("p").replace(/[^a-z0-9]/gi, "").toLowerCase();
        return {
          kind: "t3",
          data: {
            id,
            subreddit: sub,
            title: p.title ?? `A cheerful post about gardens number ${i + 1}`,
            selftext: p.selftext ?? "",
            permalink: `/r/${sub}/comments/${id}/post/`,
            author: "someone",
            score: p.score ?? 1000 - i,
            num_comments: 12,
            created_utc: now - (p.ageSeconds ?? 3600 * (i + 1)),
            over_18: p.over_18 ?? false,
            stickied: false,
            subreddit_nsfw: false,
          },
        };
      });
      writeFileSync(join(dir, `${sub}.json`), JSON.stringify({ kind: "Listing", data: { children, after: null, before: null } }));
      return children.map((c) => c.data.id);
    },
  };
}

export const postUrl = (sub: string, id: string) => `https://www.reddit.com/r/${sub}/comments/${id}/post/`;

export function useLocalPayments() {
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.PAYMENTS_PROVIDER;
  resetEnvCache();
  resetPaymentsProvider();
}

/** Seeded tiers + one commission awaiting payment (Bronze surprise unless told otherwise). */
export async function awaitingCommission(input: Partial<Parameters<typeof createCommission>[0]> = {}) {
  await seedTiers();
  const created = await createCommission({ tier: "bronze", type: "SURPRISE", email: "buyer@example.test", ...input });
  const payment = await db.payment.findFirstOrThrow({ where: { commissionId: created.id } });
  return { ...created, sessionId: payment.checkoutSessionId, amountCents: payment.amountCents };
}

/** The checkout.session object Stripe sends for this session. */
export function sessionObject(c: { id: string; sessionId: string; amountCents: number }, overrides: Record<string, unknown> = {}) {
  return {
    id: c.sessionId,
    object: "checkout.session",
    client_reference_id: c.id,
    metadata: { commissionId: c.id },
    amount_total: c.amountCents,
    currency: "usd",
    payment_status: "paid",
    status: "complete",
    payment_intent: localId("pi", `pi:${c.sessionId}`),
    ...overrides,
  };
}

export const signed = signedLocalEvent;

export function webhookRequest(s: { payload: string; signature: string }) {
  return new Request("http://localhost/api/webhooks/stripe", { method: "POST", headers: { "content-type": "application/json", "stripe-signature": s.signature }, body: s.payload });
}

/** Applies every recorded, unprocessed Stripe event (what the `payment` workers do). */
export async function drainStripeEvents() {
  const rows = await db.stripeEvent.findMany({ where: { processedAt: null }, orderBy: { receivedAt: "asc" } });
  const outcomes = [];
  for (const r of rows) outcomes.push(await applyStripeEvent(r.id));
  return outcomes;
}

/** Fulfilment jobs in the queue for one commission, in any state. */
export async function commissionJobs(commissionId: string) {
  const jobs = await queue("commission").getJobs(["waiting", "prioritized", "delayed", "active", "completed", "failed", "waiting-children"]);
  return jobs.filter((j) => j?.data?.commissionId === commissionId);
}

export async function refundJobs(refundId: string) {
  const jobs = await queue("refund").getJobs(["waiting", "prioritized", "delayed", "active", "completed", "failed"]);
  return jobs.filter((j) => j?.data?.refundId === refundId);
}

/** A Job-shaped object for calling a processor directly (attempt n of `attempts`). */
export function jobAttempt(attemptsMade: number, attempts = 3) {
  return { attemptsMade, opts: { attempts }, id: uid("job-"), updateProgress: async () => undefined } as unknown as import("bullmq").Job;
}

/** A tier for tests: every type allowed, one product type (fast to render). */
export async function makeTier(overrides: Partial<{ priceCents: number; productTypeCount: number; imageQuality: string; priority: number }> = {}) {
  return db.commissionTier.create({
    data: { slug: uid("tier-"), name: "Test tier", priceCents: 700, allowedTypes: ["POST", "SUBREDDIT", "SURPRISE"], imageQuality: "standard", productTypeCount: 1, priority: 3, ...overrides },
  });
}

/**
 * A commission fulfilled end to end (local providers): paid, designed to its preview and published.
 * Its design's print files are not made yet. `title` is the Reddit post it was commissioned from.
 */
export async function completedCommission(title: string) {
  useLocalPayments();
  const { seedCatalogue } = await import("../../server/services/shop/catalogue");
  await seedCatalogue();
  const sub = `sub${Math.random().toString(36).slice(2, 8)}`;
  const [postId] = redditFixture().subreddit(sub, [{ title }]);
  const commission = await paidCommission((await makeTier()).slug, postUrl(sub, postId));
  const { fulfilCommission } = await import("../../server/services/commissions/fulfil-commission");
  const done = await fulfilCommission(commission.id);
  const product = await db.product.findUniqueOrThrow({ where: { id: done.productId! }, include: { listing: true, variants: true } });
  return { commission, done, product, designId: product.listing.designId };
}

/** A commission for this post, paid through the local checkout and the signed webhook. */
export async function paidCommission(tierSlug: string, url: string) {
  const created = await createCommission({ tier: tierSlug, type: "POST", postUrl: url });
  const payment = await db.payment.findFirstOrThrow({ where: { commissionId: created.id } });
  const { payLocalCheckout } = await import("../../server/services/payments/local-checkout");
  const paid = await payLocalCheckout(payment.checkoutSessionId);
  await applyStripeEvent(paid.eventId!);
  return created;
}
