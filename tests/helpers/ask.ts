import { db } from "../../server/db";
import { uid } from "./factories";
import { testSource } from "./signals";
import { seedTiers } from "../../server/services/commissions/seed-tiers";

// Known shop data for Ask: signals, ideas, designs, listings, publications, products, commissions,
// payments, refunds and donations spread over the last ~10 weeks, in communities unique to this run.

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const DAY = 86_400_000;

export async function seedAskData(opts: { scale?: number; seed?: number } = {}) {
  const scale = opts.scale ?? 1;
  const r = rng(opts.seed ?? 42);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const ago = (maxDays: number) => new Date(Date.now() - Math.floor(r() * maxDays * DAY) - 60_000);
  const tag = uid("").replace(/-/g, "");
  const communities = ["cats", "dogs", "plants", "keyboards"].map((c) => `${c}${tag}`);
  const sourceId = await testSource();

  // The real tier seed (shared with other tests in this database): never tiers of our own.
  await seedTiers();
  const tiers = await db.commissionTier.findMany({ where: { slug: { in: ["bronze", "silver", "gold"] } }, orderBy: { priceCents: "asc" } });

  // signals (+ breakdowns for the scored ones)
  const signals = Array.from({ length: 60 * scale }, () => {
    const id = uid("asksig-");
    const createdAt = ago(70);
    return { id, sourceId, externalId: id, contentHash: `hash-${id}`, community: pick(communities), title: `Post ${id}`, score: Math.floor(r() * 500), comments: Math.floor(r() * 50), postedAt: createdAt, createdAt, keywords: [], raw: {}, status: pick(["NEW", "SCORED", "IDEATED", "REJECTED"] as const) };
  });
  await db.signal.createMany({ data: signals });
  await db.scoreBreakdown.createMany({
    data: signals.filter((s) => s.status !== "NEW").map((s) => ({ signalId: s.id, freshness: 0.5, engagement: 0.5, novelty: 0.5, communityFit: 0.5, seasonality: 0, total: Math.round(r() * 1000) / 1000, weights: {}, explanation: {} })),
  });

  // ideas, designs, listings, publications, products
  const ideas = signals.filter((s) => s.status === "IDEATED" || r() < 0.3).map((s) => ({
    id: uid("askidea-"), signalId: s.id, theme: "theme", title: `Idea for ${s.id}`, imagePrompt: "p", productTypes: [...new Set([pick(["tee", "mug", "poster", "sticker"]), pick(["tee", "mug", "poster", "sticker"])])],
    promptVersion: "test", writer: "local", status: pick(["NEW", "APPROVED", "REJECTED", "DESIGNED", "PUBLISHED"] as const), score: Math.round(r() * 100) / 100, createdAt: ago(60),
  }));
  await db.idea.createMany({ data: ideas });
  const designs = ideas.filter((i) => i.status !== "NEW" && i.status !== "REJECTED").map((i) => {
    const createdAt = ago(50);
    const status = pick(["DONE", "DONE", "FAILED", "QUEUED"] as const);
    const startedAt = status === "QUEUED" ? null : new Date(createdAt.getTime() + 1000);
    return { id: uid("askdesign-"), ideaId: i.id, provider: "local", status, prompt: "p", palette: [], createdAt, startedAt, finishedAt: startedAt && status !== "FAILED" ? new Date(startedAt.getTime() + (5 + Math.floor(r() * 40)) * 1000) : null };
  });
  await db.design.createMany({ data: designs });
  const listings = designs.filter((d) => d.status === "DONE").map((d) => ({ id: uid("asklist-"), designId: d.id, title: `Listing ${d.id}`, description: "d", bullets: [], tags: [], priceCents: pick([1500, 2200, 2800]), createdAt: new Date(d.createdAt.getTime() + 60_000) }));
  await db.listing.createMany({ data: listings });
  await db.publication.createMany({
    data: listings.flatMap((l) => (["LOCAL", "ZAZZLE", "PRINTFUL"] as const).filter((m) => m === "LOCAL" || r() < 0.5).map((m) => {
      const status = pick(["PUBLISHED", "PUBLISHED", "FAILED", "QUEUED"] as const);
      return { id: uid("askpub-"), listingId: l.id, marketplace: m, status, publishedAt: status === "PUBLISHED" ? l.createdAt : null, createdAt: l.createdAt };
    })),
  });
  const signalOf = new Map(signals.map((s) => [s.id, s]));
  const ideaOf = new Map(ideas.map((i) => [i.id, i]));
  const designOf = new Map(designs.map((d) => [d.id, d]));
  await db.product.createMany({
    data: listings.map((l) => ({ id: uid("askprod-"), slug: uid("askprod-"), listingId: l.id, title: l.title, community: signalOf.get(ideaOf.get(designOf.get(l.designId)!.ideaId)!.signalId)!.community, priceCents: l.priceCents, coverKey: "x", publishedAt: l.createdAt })),
  });

  // commissions, payments, refunds
  const commissions = Array.from({ length: 80 * scale }, () => {
    const tier = pick(tiers);
    const createdAt = ago(70);
    const status = pick(["AWAITING_PAYMENT", "PAID", "IN_PROGRESS", "COMPLETED", "COMPLETED", "COMPLETED", "REFUNDED", "EXPIRED", "PAYMENT_FAILED"] as const);
    const paid = !["AWAITING_PAYMENT", "EXPIRED", "PAYMENT_FAILED"].includes(status);
    const paidAt = paid ? new Date(createdAt.getTime() + 120_000) : null;
    return { id: uid("askcom-"), publicToken: uid("tok-") + uid(), tierId: tier.id, type: pick(["POST", "SUBREDDIT", "SURPRISE"] as const), subreddit: pick(communities), email: "shopper@example.test", amountCents: tier.priceCents, status, paidAt, createdAt, refundedAt: status === "REFUNDED" ? new Date(createdAt.getTime() + DAY / 2) : null };
  });
  await db.commission.createMany({ data: commissions });
  const payments = commissions.map((c) => ({
    id: uid("askpay-"), provider: "local", commissionId: c.id, checkoutSessionId: uid("cs_") + uid(), amountCents: c.amountCents,
    status: c.status === "REFUNDED" ? ("REFUNDED" as const) : c.paidAt ? ("SUCCEEDED" as const) : c.status === "EXPIRED" ? ("EXPIRED" as const) : c.status === "PAYMENT_FAILED" ? ("FAILED" as const) : ("PENDING" as const),
    refundedCents: c.status === "REFUNDED" ? c.amountCents : 0, paidAt: c.paidAt, createdAt: c.createdAt,
  }));
  await db.payment.createMany({ data: payments });
  await db.refund.createMany({
    data: payments.filter((p) => p.refundedCents > 0).map((p) => ({ id: uid("askref-"), paymentId: p.id, commissionId: p.commissionId, amountCents: p.refundedCents, reason: pick(["design failed", "rejected by admin"]), status: pick(["SUCCEEDED", "SUCCEEDED", "PENDING", "FAILED"] as const), idempotencyKey: `refund:${p.id}`, createdAt: new Date(p.createdAt.getTime() + DAY / 2) })),
  });

  // donations (+ their payments)
  const donations = Array.from({ length: 30 * scale }, () => ({ id: uid("askdon-"), subreddit: pick(communities), amountCents: pick([300, 500, 1000, 2500]), donorName: "Someone", status: pick(["PAID", "PAID", "PENDING", "REFUNDED", "FAILED"] as const), createdAt: ago(70) }));
  await db.donation.createMany({ data: donations });
  await db.payment.createMany({
    data: donations.filter((d) => d.status === "PAID" || d.status === "REFUNDED").map((d) => ({ id: uid("askpay-"), provider: "local", donationId: d.id, checkoutSessionId: uid("cs_") + uid(), amountCents: d.amountCents, status: d.status === "PAID" ? ("SUCCEEDED" as const) : ("REFUNDED" as const), refundedCents: d.status === "REFUNDED" ? d.amountCents : 0, paidAt: new Date(d.createdAt.getTime() + 60_000), createdAt: d.createdAt })),
  });
  return { communities, tiers };
}
