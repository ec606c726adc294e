import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Stripe from "stripe";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST } from "../app/api/webhooks/stripe/route";
import { createCaller } from "../server/api/root";
import { db } from "../server/db";
import { resetEnvCache } from "../server/env";
import { resetPaymentsProvider } from "../server/providers/payments";
import { localWebhookSecret } from "../server/providers/payments/local-secret";
import { publisherFor } from "../server/providers/publishers";
import { queue } from "../server/queues/connection";
import { endUnfulfilled } from "../server/services/commissions/end-unfulfilled";
import { enterStage, fulfilCommission } from "../server/services/commissions/fulfil-commission";
import { markCommissionPaid } from "../server/services/commissions/mark-paid";
import { requestRefund } from "../server/services/commissions/request-refund";
import { transition } from "../server/services/commissions/state";
import { applyStripeEvent } from "../server/services/payments/apply-event";
import { providerKey, runRefund } from "../server/services/payments/run-refund";
import { buildListingPackage } from "../server/services/publishing/build-package";
import { queuePublications } from "../server/services/publishing/queue-publications";
import { commission as commissionProcessor } from "../workers/processors/commission";
import { refund as refundProcessor } from "../workers/processors/refund";
import { makeUser } from "./helpers/factories";
import {
  awaitingCommission,
  commissionJobs,
  drainStripeEvents,
  jobAttempt,
  makeTier,
  paidCommission,
  postUrl,
  redditFixture,
  sessionObject,
  signed,
  useLocalPayments,
  webhookRequest,
} from "./helpers/commissions";

// The money invariant: whatever Stripe, the network or a crashed worker does, a paid commission ends
// with exactly one product or exactly one refund.

let reddit: ReturnType<typeof redditFixture>;
let tierSlug: string;

beforeAll(async () => {
  useLocalPayments();
  reddit = redditFixture();
  tierSlug = (await makeTier()).slug;
});

const ENV_KEYS = ["PUBLISHERS", "ZAZZLE_ASSOCIATE_ID", "PAYMENTS_PROVIDER", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_API_BASE"];
afterEach(() => {
  for (const k of ENV_KEYS) delete process.env[k];
  resetEnvCache();
  resetPaymentsProvider();
});

function freshPost(title: string) {
  const sub = `money${Math.random().toString(36).slice(2, 8)}`;
  const [id] = reddit.subreddit(sub, [{ title }]);
  return postUrl(sub, id);
}

function storefrontOff(off: boolean) {
  if (off) {
    process.env.PUBLISHERS = "zazzle";
    process.env.ZAZZLE_ASSOCIATE_ID = "assoc-test";
  } else {
    delete process.env.PUBLISHERS;
    delete process.env.ZAZZLE_ASSOCIATE_ID;
  }
  resetEnvCache();
}

/** A paid commission whose design preview is made, then what a worker killed mid-publish leaves behind:
 * the storefront Product created, its LOCAL publication still RUNNING, the commission not linked. */
async function killedMidPublish(title: string) {
  const c = await paidCommission(tierSlug, freshPost(title));
  storefrontOff(true);
  await expect(fulfilCommission(c.id)).rejects.toThrow(/storefront publisher/);
  storefrontOff(false);
  const row = await db.commission.findUniqueOrThrow({ where: { id: c.id }, include: { idea: { include: { designs: { include: { listing: true } } } } } });
  const listingId = row.idea!.designs[0].listing!.id;
  const local = (await queuePublications({ listingId, enqueue: false })).find((p) => p.marketplace === "LOCAL")!;
  await db.publication.update({ where: { id: local.id }, data: { status: "RUNNING", attempts: { increment: 1 } } });
  const made = await publisherFor("LOCAL").publish(await buildListingPackage(listingId, "LOCAL"));
  return { c, listingId, publicationId: local.id, productId: made.externalId };
}

const productsOf = (listingId: string) => db.product.count({ where: { listingId } });

describe("fulfilment never refunds a commission that has its product", () => {
  it("a final-attempt failure after the product exists completes the commission instead of refunding", async () => {
    const { c, listingId, productId } = await killedMidPublish("The bakery cat guards the sourdough");
    storefrontOff(true); // the rerun fails again, on its last attempt
    await expect(commissionProcessor({ commissionId: c.id }, jobAttempt(2))).resolves.toMatchObject({ status: "COMPLETED", productId });
    const row = await db.commission.findUniqueOrThrow({ where: { id: c.id } });
    expect(row).toMatchObject({ status: "COMPLETED", productId, stage: "done" });
    expect(await db.refund.count({ where: { commissionId: c.id } })).toBe(0);
    expect(await productsOf(listingId)).toBe(1);
    expect(await db.commissionEvent.count({ where: { commissionId: c.id, type: "done" } })).toBe(1);
    expect(await db.commissionEvent.count({ where: { commissionId: c.id, type: "failed" } })).toBe(0);

    // A delivered commission is never refunded automatically (an admin still can, deliberately).
    await expect(endUnfulfilled(c.id, "fulfilment_failed", { type: "failed", message: "x" })).resolves.toMatchObject({ status: "COMPLETED" });
    expect(await db.refund.count({ where: { commissionId: c.id } })).toBe(0);
    await expect(requestRefund(c.id, "refunded_by_admin")).resolves.toMatchObject({ reason: "refunded_by_admin" });
  });

  it("a publication left RUNNING by a killed worker is taken over: the rerun completes with the one product", async () => {
    const { c, listingId, publicationId, productId } = await killedMidPublish("Ducks queue politely at the bus stop");
    await expect(commissionProcessor({ commissionId: c.id }, jobAttempt(0))).resolves.toMatchObject({ status: "COMPLETED", productId });
    expect((await db.publication.findUniqueOrThrow({ where: { id: publicationId } })).status).toBe("PUBLISHED");
    expect(await productsOf(listingId)).toBe(1);
    expect(await db.refund.count({ where: { commissionId: c.id } })).toBe(0);
  });

  it("a stage reached after a refund started does not overwrite the refund's stage", async () => {
    const c = await paidCommission(tierSlug, freshPost("Pigeons hold a meeting on the roof"));
    await transition(c.id, "IN_PROGRESS", { stage: "generating_design" });
    await requestRefund(c.id, "refunded_by_admin");
    expect(await enterStage(c.id, "mockups", 85)).toBe(false);
    expect((await db.commission.findUniqueOrThrow({ where: { id: c.id } })).stage).toBe("refunding");
    expect(await db.commissionEvent.count({ where: { commissionId: c.id, type: "mockups" } })).toBe(0);
  });

  it("approving a PAID commission (not waiting for review) is refused and queues nothing", async () => {
    const c = await paidCommission(tierSlug, freshPost("A snail crossed the whole patio"));
    const api = createCaller({ user: await makeUser("ADMIN") });
    await expect(api.commissions.approve({ id: c.id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await commissionJobs(c.id)).map((j) => j.id)).toEqual([c.id]);
    expect((await db.commission.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("PAID");
  });
});

describe("refunds", () => {
  it("a partial refund leaves the commission alone; the rest (same charge, new total) refunds it", async () => {
    const c = await awaitingCommission();
    const pi = sessionObject(c).payment_intent;
    await POST(webhookRequest(signed("checkout.session.completed", sessionObject(c))));
    await drainStripeEvents();
    const charge = { id: `ch_part_${c.id}`, object: "charge", payment_intent: pi, amount: 500, currency: "usd" };
    await POST(webhookRequest(signed("refund.updated", { id: `re_dash_${c.id}`, object: "refund", amount: 200, status: "succeeded", payment_intent: pi, metadata: {} })));
    await POST(webhookRequest(signed("charge.refunded", { ...charge, refunded: false, amount_refunded: 200 })));
    await drainStripeEvents();
    expect((await db.commission.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("PAID");
    expect(await db.payment.findFirstOrThrow({ where: { commissionId: c.id } })).toMatchObject({ status: "PARTIALLY_REFUNDED", refundedCents: 200 });

    const refund = await requestRefund(c.id, "refunded_by_admin");
    expect(refund.amountCents).toBe(300);

    const rest = await POST(webhookRequest(signed("charge.refunded", { ...charge, refunded: true, amount_refunded: 500 })));
    expect(await rest.json()).not.toHaveProperty("duplicate");
    await drainStripeEvents();
    const row = await db.commission.findUniqueOrThrow({ where: { id: c.id }, include: { payments: true, refunds: true } });
    expect(row.status).toBe("REFUNDED");
    expect(row.payments[0]).toMatchObject({ status: "REFUNDED", refundedCents: 500 });
    expect(row.refunds).toHaveLength(1);
    expect(row.refunds[0]).toMatchObject({ status: "SUCCEEDED", amountCents: 300 });
  });

  it("a refund event that overtook its payment is queued again once the payment is recorded", async () => {
    const c = await awaitingCommission();
    const pi = sessionObject(c).payment_intent;
    const early = signed("charge.refunded", { id: `ch_early_${c.id}`, object: "charge", payment_intent: pi, refunded: true, amount_refunded: 500 });
    await POST(webhookRequest(early));
    expect((await applyStripeEvent(early.event.id)).deferred).toBe(true); // …and say its retries run out here
    const paid = signed("checkout.session.completed", sessionObject(c));
    await POST(webhookRequest(paid));
    await applyStripeEvent(paid.event.id);
    const again = await queue("payment").getJob(`${early.event.id}-after-payment`);
    expect(again?.data).toEqual({ eventId: early.event.id });
    await applyStripeEvent(again!.data.eventId);
    expect((await db.commission.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("REFUNDED");
  });

  it("a paid amount mismatch whose refund request was lost is refunded on redelivery, in the payment's currency", async () => {
    const c = await awaitingCommission();
    const paid = { commissionId: c.id, sessionId: c.sessionId, paymentIntentId: `pi_mismatch_${c.id}`, amountTotal: c.amountCents, currency: "eur", provider: "local" };
    // The winner committed PAID with the wrong currency, then died before requesting the refund.
    await transition(c.id, "PAID", { paidAt: new Date(), stage: "paid" });
    await db.payment.update({ where: { checkoutSessionId: c.sessionId }, data: { status: "SUCCEEDED", paymentIntentId: paid.paymentIntentId, currency: "eur", paidAt: new Date() } });

    expect(await markCommissionPaid(paid)).toBe("duplicate");
    const refund = await db.refund.findFirstOrThrow({ where: { commissionId: c.id } });
    expect(refund).toMatchObject({ reason: "amount_mismatch", currency: "eur", amountCents: c.amountCents });
    expect((await db.commission.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("REFUND_PENDING");

    await refundProcessor({ refundId: refund.id }, jobAttempt(0));
    const event = await db.stripeEvent.findFirstOrThrow({ where: { type: "charge.refunded", payload: { path: ["data", "object", "payment_intent"], equals: paid.paymentIntentId } } });
    expect((event.payload as { data: { object: { currency: string } } }).data.object.currency).toBe("eur");
    await drainStripeEvents();
    expect((await db.commission.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("REFUNDED");
    expect(await db.refund.count({ where: { commissionId: c.id } })).toBe(1);
  });

  it("a network error keeps the refund's status and idempotency key, so the retry cannot refund twice", async () => {
    const c = await awaitingCommission();
    await markCommissionPaid({ commissionId: c.id, sessionId: c.sessionId, paymentIntentId: `pi_net_${c.id}`, amountTotal: c.amountCents, currency: "usd", provider: "stripe" });
    const refund = await requestRefund(c.id, "refunded_by_admin");

    // Stripe: the first call answers "pending", the next calls never answer (connection dropped), then it answers again.
    const keys: string[] = [];
    let mode: "pending" | "drop" | "succeeded" = "pending";
    const server: Server = createServer((req, res) => {
      keys.push(String(req.headers["idempotency-key"]));
      if (mode === "drop") return req.socket.destroy();
      req.resume();
      req.on("end", () => {
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ id: `re_net_${c.id}`, object: "refund", status: mode, amount: c.amountCents, payment_intent: `pi_net_${c.id}` }));
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      Object.assign(process.env, { PAYMENTS_PROVIDER: "stripe", STRIPE_SECRET_KEY: "sk_test_money", STRIPE_WEBHOOK_SECRET: "whsec_money", STRIPE_API_BASE: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
      resetEnvCache();
      resetPaymentsProvider();

      expect((await runRefund(refund.id)).status).toBe("PENDING");
      mode = "drop";
      await expect(runRefund(refund.id)).rejects.toThrow();
      const after = await db.refund.findUniqueOrThrow({ where: { id: refund.id } });
      expect(after.status).toBe("PENDING");
      expect(providerKey(after)).toBe(refund.idempotencyKey);
      mode = "succeeded";
      expect((await runRefund(refund.id)).status).toBe("SUCCEEDED");
    } finally {
      server.close();
    }
    expect(new Set(keys)).toEqual(new Set([refund.idempotencyKey]));
    expect((await db.commission.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("REFUNDED");
  });
});

describe("local webhook secret", () => {
  it("uses LOCAL_WEBHOOK_SECRET when set, else a persisted one every process reads", async () => {
    const saved = { secret: process.env.NEXTAUTH_SECRET, dir: process.env.DATA_DIR };
    try {
      process.env.LOCAL_WEBHOOK_SECRET = "lws_given_by_npm_start_0123456789";
      resetEnvCache();
      expect(localWebhookSecret()).toBe("lws_given_by_npm_start_0123456789");
      const s = signed("checkout.session.expired", { id: "cs_x", object: "checkout.session" });
      expect(Stripe.webhooks.constructEvent(s.payload, s.signature, "lws_given_by_npm_start_0123456789").id).toBe(s.event.id);
      delete process.env.LOCAL_WEBHOOK_SECRET;

      delete process.env.NEXTAUTH_SECRET;
      process.env.DATA_DIR = mkdtempSync(join(tmpdir(), "merchloop-secret-"));
      writeFileSync(join(process.env.DATA_DIR, "local-webhook-secret"), "whsec_local_written_by_the_web_process\n");
      resetEnvCache();
      expect(localWebhookSecret()).toBe("whsec_local_written_by_the_web_process");
    } finally {
      delete process.env.LOCAL_WEBHOOK_SECRET;
      process.env.NEXTAUTH_SECRET = saved.secret;
      process.env.DATA_DIR = saved.dir;
      resetEnvCache();
    }
  });
});
