import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "../app/api/webhooks/stripe/route";
import { db } from "../server/db";
import { nodeRoute } from "../server/http/node-routes";
import { Worker, UnrecoverableError } from "bullmq";
import { createRedis, queue, queuePrefix } from "../server/queues/connection";
import { insertEvents } from "../server/services/payments/handle-webhook";
import { requeueUnappliedEvents } from "../server/services/payments/requeue-unapplied";
import { waitFor } from "./helpers/wait";
import { payLocalCheckout } from "../server/services/payments/local-checkout";
import { applyStripeEvent } from "../server/services/payments/apply-event";
import { commissionStatusByToken } from "../server/services/commissions/queries";
import { awaitingCommission, commissionJobs, drainStripeEvents, sessionObject, signed, useLocalPayments, webhookRequest } from "./helpers/commissions";

beforeAll(() => useLocalPayments());

describe("stripe webhook", () => {
  it("records one event, one payment and one fulfilment job when the same signed event arrives 50 times at once", async () => {
    const c = await awaitingCommission();
    const s = signed("checkout.session.completed", sessionObject(c));
    const responses = await Promise.all(Array.from({ length: 50 }, () => POST(webhookRequest(s))));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    const bodies = await Promise.all(responses.map((r) => r.json()));
    expect(bodies.filter((b) => b.duplicate).length).toBe(49);
    expect(await db.stripeEvent.count({ where: { objectId: c.sessionId } })).toBe(1);
    expect(await queue("payment").getJob(s.event.id)).toBeTruthy();

    await Promise.all(Array.from({ length: 5 }, () => applyStripeEvent(s.event.id)));
    const payments = await db.payment.findMany({ where: { commissionId: c.id } });
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ status: "SUCCEEDED", amountCents: 500 });
    expect(await commissionJobs(c.id)).toHaveLength(1);
    expect((await db.commission.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("PAID");
    expect(await db.commissionEvent.count({ where: { commissionId: c.id, type: "paid" } })).toBe(1);
  });

  it("dedupes different event ids for the same session and type, delivered concurrently", async () => {
    const c = await awaitingCommission();
    const deliveries = Array.from({ length: 20 }, () => signed("checkout.session.completed", sessionObject(c)));
    await Promise.all(deliveries.map((s) => POST(webhookRequest(s))));
    expect(await db.stripeEvent.count({ where: { objectId: c.sessionId, type: "checkout.session.completed" } })).toBe(1);
    await drainStripeEvents();
    expect(await db.payment.count({ where: { commissionId: c.id, status: "SUCCEEDED" } })).toBe(1);
    expect(await commissionJobs(c.id)).toHaveLength(1);
  });

  it("refuses a bad signature with 400 and records nothing", async () => {
    const c = await awaitingCommission();
    const s = signed("checkout.session.completed", sessionObject(c));
    const tampered = { payload: s.payload.replace('"amount_total":500', '"amount_total":1'), signature: s.signature };
    const res = await POST(webhookRequest(tampered));
    expect(res.status).toBe(400);
    const unsigned = await POST(new Request("http://localhost/api/webhooks/stripe", { method: "POST", body: s.payload }));
    expect(unsigned.status).toBe(400);
    expect(await db.stripeEvent.findUnique({ where: { id: s.event.id } })).toBeNull();
    expect((await db.commission.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("AWAITING_PAYMENT");
  });

  it("ignores a late expiry after payment and never goes backwards", async () => {
    const c = await awaitingCommission();
    await POST(webhookRequest(signed("checkout.session.completed", sessionObject(c))));
    await drainStripeEvents();
    await POST(webhookRequest(signed("checkout.session.expired", sessionObject(c, { status: "expired", payment_status: "unpaid", payment_intent: null }))));
    await POST(webhookRequest(signed("checkout.session.async_payment_failed", sessionObject(c))));
    await drainStripeEvents();
    const row = await db.commission.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.status).toBe("PAID");
    expect(await db.payment.count({ where: { commissionId: c.id, status: "SUCCEEDED" } })).toBe(1);
    expect(await commissionJobs(c.id)).toHaveLength(1);
  });

  it("a payment completed after an expiry event still counts: the money moved, so it is fulfilled", async () => {
    const c = await awaitingCommission();
    await POST(webhookRequest(signed("checkout.session.expired", sessionObject(c, { status: "expired", payment_status: "unpaid", payment_intent: null }))));
    await drainStripeEvents();
    expect((await db.commission.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("EXPIRED");
    await POST(webhookRequest(signed("checkout.session.completed", sessionObject(c))));
    await drainStripeEvents();
    expect((await db.commission.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("PAID");
    expect(await commissionJobs(c.id)).toHaveLength(1);
  });

  it("a refund that overtakes the payment waits, then refunds once", async () => {
    const c = await awaitingCommission();
    const pi = sessionObject(c).payment_intent;
    const refundEvt = signed("charge.refunded", { id: "ch_x_" + c.id, object: "charge", payment_intent: pi, refunded: true, amount_refunded: 500, refunds: { data: [{ id: "re_x_" + c.id }] } });
    await POST(webhookRequest(refundEvt));
    const first = await applyStripeEvent(refundEvt.event.id);
    expect(first.deferred).toBe(true);
    await POST(webhookRequest(signed("checkout.session.completed", sessionObject(c))));
    await drainStripeEvents();
    const again = await applyStripeEvent(refundEvt.event.id);
    expect(again.deferred).toBeFalsy();
    const row = await db.commission.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.status).toBe("REFUNDED");
    expect(await db.refund.count({ where: { commissionId: c.id, status: "SUCCEEDED" } })).toBe(1);
    expect(await db.payment.count({ where: { commissionId: c.id } })).toBe(1);
    expect(await commissionJobs(c.id)).toHaveLength(1);
    expect((await commissionStatusByToken(c.publicToken)).refund).toMatchObject({ amountCents: 500 });
  });

  it("the local test checkout pays through the signed webhook (not by writing the status itself)", async () => {
    const c = await awaitingCommission();
    const paid = await payLocalCheckout(c.sessionId);
    expect(paid.redirectTo).toContain(`/c/${c.publicToken}`);
    expect((await db.commission.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("AWAITING_PAYMENT");
    const row = await db.stripeEvent.findUniqueOrThrow({ where: { id: paid.eventId! } });
    expect(row.type).toBe("checkout.session.completed");
    await applyStripeEvent(row.id);
    expect((await db.commission.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("PAID");
  });

  it("stores batches holding the same events in different orders at once, each event once, without a deadlock", async () => {
    // Group commit puts concurrent deliveries of one event in different batches, in any order; two
    // such batches once waited on each other's rows until Postgres aborted one (answered 503).
    for (let round = 0; round < 4; round++) {
      const tag = `${Date.now()}_${round}`;
      const rows = Array.from({ length: 120 }, (_, i) => ({ id: `evt_order_${tag}_${i}`, type: "checkout.session.completed", objectId: `cs_order_${tag}_${i}`, livemode: false, payload: "{}" }));
      // A later delivery of an event under a new id: same session and type.
      const redelivered = rows.map((r) => ({ ...r, id: `${r.id}_again` }));
      const orders = [rows, [...rows].reverse(), [...redelivered].reverse(), [...rows, ...redelivered].sort(() => Math.random() - 0.5)];
      const written = await Promise.all(orders.map((o) => insertEvents(o)));
      const ids = written.flatMap((w) => [...w]);
      expect(ids).toHaveLength(rows.length); // one row per (session, type), written by exactly one batch
      expect(new Set(ids.map((id) => id.replace(/_again$/, ""))).size).toBe(rows.length);
      expect(await db.stripeEvent.count({ where: { objectId: { startsWith: `cs_order_${tag}_` } } })).toBe(rows.length);
    }
  });

  it("the sweep gives an event whose payment job failed a fresh job, and leaves running, done and deferred ones alone", async () => {
    const c = await awaitingCommission();
    const s = signed("checkout.session.completed", sessionObject(c));
    expect((await POST(webhookRequest(s))).status).toBe(200);
    const payments = queue("payment");
    // Every attempt failed (Postgres down past the retries, or stalled past its limit after a Redis restart).
    const conn = createRedis();
    const failing = new Worker("payment", async (job) => {
      if (job.id === s.event.id) throw new UnrecoverableError("Connection terminated unexpectedly");
      await applyStripeEvent(job.data.eventId); // anyone else's, as the real worker would
    }, { connection: conn, prefix: queuePrefix() });
    await waitFor("the job to fail", async () => (await payments.getJobState(s.event.id)) === "failed");
    await failing.close();

    // A plain add under the same id would be a no-op while BullMQ keeps the failed job (7 days).
    await requeueUnappliedEvents(0);
    expect(await payments.getJobState(s.event.id)).toBe("waiting");
    const fresh = await payments.getJob(s.event.id);
    expect(fresh!.attemptsMade).toBe(0);
    // Waiting: left as it is, not added twice.
    await requeueUnappliedEvents(0);
    expect((await payments.getJob(s.event.id))!.timestamp).toBe(fresh!.timestamp);
    await applyStripeEvent(s.event.id);
    expect((await db.stripeEvent.findUniqueOrThrow({ where: { id: s.event.id } })).processedAt).not.toBeNull();
    expect(await db.payment.count({ where: { commissionId: c.id, status: "SUCCEEDED" } })).toBe(1);

    // A refund that failed by deferring waits for its payment instead (requeueRefundEvents).
    const early = signed("charge.refunded", { id: `ch_${Date.now()}`, object: "charge", payment_intent: `pi_never_${Date.now()}`, amount_refunded: 500, refunded: true });
    expect((await POST(webhookRequest(early))).status).toBe(200);
    const deferring = new Worker("payment", async (job) => {
      const r = await applyStripeEvent(job.data.eventId);
      if (r.deferred) throw new UnrecoverableError(`event ${job.data.eventId} deferred: ${r.outcome}`);
    }, { connection: conn, prefix: queuePrefix() });
    await waitFor("the refund to defer", async () => (await payments.getJobState(early.event.id)) === "failed");
    await deferring.close();
    await conn.quit();
    await requeueUnappliedEvents(0);
    expect(await payments.getJobState(early.event.id)).toBe("failed");
  });
});

describe("stripe webhook on the web server's own node:http path (scripts/web.ts → nodeRoute)", () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      const route = nodeRoute(req);
      if (route) void route(req, res);
      else res.writeHead(599).end(); // what Next would get
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const post = (s: { payload: string; signature: string }, path = "/api/webhooks/stripe") =>
    fetch(base + path, { method: "POST", headers: { "content-type": "application/json", "stripe-signature": s.signature }, body: s.payload });

  it("stores a burst of deliveries, half of them duplicates, exactly once, with one payment job per new event", async () => {
    const commissions = await Promise.all(Array.from({ length: 12 }, () => awaitingCommission()));
    // Per commission: the event, the same event again, and a second event id for the same session.
    const firsts = commissions.map((c) => signed("checkout.session.completed", sessionObject(c)));
    const deliveries = commissions.flatMap((c, i) => [firsts[i], firsts[i], signed("checkout.session.completed", sessionObject(c))]);
    deliveries.sort(() => Math.random() - 0.5);
    const responses = await Promise.all(deliveries.map((s) => post(s)));
    const bodies = await Promise.all(responses.map((r) => r.json()));
    expect(responses.map((r) => r.status)).toEqual(deliveries.map(() => 200));
    expect(responses[0].headers.get("x-content-type-options")).toBe("nosniff");
    expect(responses[0].headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(bodies.filter((b) => b.duplicate)).toHaveLength(24);
    const stored = await db.stripeEvent.findMany({ where: { objectId: { in: commissions.map((c) => c.sessionId) } } });
    expect(stored).toHaveLength(12);
    for (const e of stored) expect(await queue("payment").getJob(e.id)).toBeTruthy();
    await drainStripeEvents();
    expect(await db.payment.count({ where: { commissionId: { in: commissions.map((c) => c.id) }, status: "SUCCEEDED" } })).toBe(12);
  });

  it("answers a query string too, refuses bad signatures and oversized bodies, and leaves other methods to Next", async () => {
    const c = await awaitingCommission();
    const s = signed("checkout.session.completed", sessionObject(c));
    expect((await post({ payload: s.payload, signature: "t=1,v1=00" })).status).toBe(400);
    const big = await fetch(`${base}/api/webhooks/stripe`, { method: "POST", headers: { "stripe-signature": s.signature }, body: "x".repeat(300 * 1024) });
    expect(big.status).toBe(413);
    // Chunked, with no Content-Length to refuse up front: counted as it arrives and cut at the cap.
    const chunked = await new Promise<number>((resolve, reject) => {
      const r = request(`${base}/api/webhooks/stripe`, { method: "POST", headers: { "stripe-signature": s.signature } }, (res) => resolve(res.statusCode!));
      r.on("error", () => undefined); // the server closes the connection once it has answered
      const chunk = "x".repeat(64 * 1024);
      let sent = 0;
      const more = () => {
        while (sent < 8) {
          sent += 1;
          if (!r.write(chunk)) return void r.once("drain", more);
        }
        r.end();
      };
      more();
      setTimeout(() => reject(new Error("no answer to a chunked oversized body")), 10_000).unref();
    });
    expect(chunked).toBe(413);
    expect(await db.stripeEvent.count({ where: { objectId: c.sessionId } })).toBe(0);
    expect((await post(s, "/api/webhooks/stripe?from=retry")).status).toBe(200);
    expect(await db.stripeEvent.count({ where: { objectId: c.sessionId } })).toBe(1);
    expect((await fetch(`${base}/api/webhooks/stripe`)).status).toBe(599);
    expect((await post(s, "/api/webhooks/stripe/extra")).status).toBe(599);
  });
});
