// Shop orders on the local providers, through the real route and processors:
//  1. paid → submitted: N orders (default 50) paid one every BENCH_ARRIVAL_MS (default 200) on the
//     local checkout (signed events over HTTP to the webhook route), submitted to the local print
//     shop by in-process BullMQ workers running the real processors. Prints p50/p95 of
//     order.paidAt → order.submittedAt (target p95 ≤ 2 s).
//  2. burst: BURST orders (default 200) paid at once, every payment event delivered twice (the same
//     event, and a second event id for the same session). Prints wall time and the exactly-once
//     check: provider orders, payments, "paid"/"submitted" timeline entries and confirmation mails.
// Usage: npx tsx bench/shop-orders.ts [N=50] [BURST=200]
import { benchDatabase, fmt, machine, peakRss, summarize, webhookServer } from "./lib";

const N = Number(process.argv[2] ?? 50);
const BURST = Number(process.argv[3] ?? 200);
const ARRIVAL_MS = Number(process.env.BENCH_ARRIVAL_MS ?? 200);

async function main() {
  await benchDatabase("shop");
  process.env.LOCAL_FULFILMENT_STEP_SECONDS = "3600"; // measure submission only; the print shop's later steps wait
  const { db, disconnectDb } = await import("../server/db");
  const { closeQueues, createRedis, queue, queuePrefix } = await import("../server/queues/connection");
  const { createOrder } = await import("../server/services/shop/create-order");
  const { payLocalCheckout } = await import("../server/services/payments/local-checkout");
  const { signedLocalEvent } = await import("../server/providers/payments/local");
  const { localWebhookSecret } = await import("../server/providers/payments/local-secret");
  const { default: Stripe } = await import("stripe");
  const { Worker } = await import("bullmq");
  const { tracked } = await import("../workers/tracked");
  const { processors } = await import("../workers/processors");
  const { env } = await import("../server/env");
  const { shopProduct, ADDRESS } = await import("../tests/helpers/shop");

  const { pick } = await shopProduct(["tee", "sticker"], "Bench Loaf");
  const tee = pick("tee", "M", "Black");
  const sticker = pick("sticker", "3×3 in");

  const server = await webhookServer();
  const webhookUrl = server.url;

  const base = env().WORKER_JOB_CONCURRENCY;
  const queues = ["payment", "fulfilment", "fulfilment-event", "local-fulfilment", "refund"] as const;
  const workers = queues.map((q) => new Worker(q, tracked(q, processors[q] as never), { connection: createRedis(), prefix: queuePrefix(), concurrency: q === "payment" ? base * 4 : base * 2, lockDuration: 60_000 }));
  const rss = peakRss();

  const newOrder = async (i: number) => {
    const o = await createOrder({ items: [{ variantId: tee.id, quantity: 1 + (i % 2) }, { variantId: sticker.id, quantity: 1 }], email: `bench${i}@example.test` });
    return { id: o.id, session: (await db.order.findUniqueOrThrow({ where: { id: o.id }, select: { checkoutSessionId: true } })).checkoutSessionId! };
  };
  const waitSubmitted = async (ids: string[]) => {
    for (;;) {
      const n = await db.order.count({ where: { id: { in: ids }, status: { in: ["SUBMITTED", "ON_HOLD", "REFUND_PENDING", "REFUNDED"] } } });
      if (n === ids.length) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  // 1. paid → submitted, one arrival every ARRIVAL_MS
  const latencyIds: string[] = [];
  for (let i = 0; i < N; i++) {
    const o = await newOrder(i);
    await payLocalCheckout(o.session, { webhookUrl, shipping: ADDRESS });
    latencyIds.push(o.id);
    if (i < N - 1) await new Promise((r) => setTimeout(r, ARRIVAL_MS));
  }
  await waitSubmitted(latencyIds);
  const rows = await db.order.findMany({ where: { id: { in: latencyIds } }, select: { paidAt: true, submittedAt: true, status: true } });
  const lat = summarize(rows.filter((r) => r.submittedAt).map((r) => r.submittedAt!.getTime() - r.paidAt!.getTime()));

  // 2. burst of BURST orders (created first), paid 50 in flight at a time (one process shares one
  //    10-connection pool between the checkout, the webhook route and the workers here), every
  //    payment event delivered three times
  const burst: Array<{ id: string; session: string }> = [];
  for (let i = 0; i < BURST; i++) burst.push(await newOrder(N + i));
  const t0 = performance.now();
  const inFlight = async <T,>(items: T[], limit: number, fn: (x: T) => Promise<void>) => {
    let next = 0;
    await Promise.all(Array.from({ length: limit }, async () => {
      while (next < items.length) await fn(items[next++]);
    }));
  };
  await inFlight(burst, 50, async (o) => {
      const paid = await payLocalCheckout(o.session, { webhookUrl, shipping: ADDRESS });
      const row = await db.stripeEvent.findUniqueOrThrow({ where: { id: paid.eventId! } });
      const payload = row.payload as { data: { object: Record<string, unknown> } };
      const again = signedLocalEvent("checkout.session.completed", payload.data.object); // a second event id, same session
      const post = (s: { payload: string; signature: string }) => fetch(webhookUrl, { method: "POST", headers: { "stripe-signature": s.signature }, body: s.payload });
      const replay = JSON.stringify(row.payload); // the same event id again
      await Promise.all([post({ payload: replay, signature: Stripe.webhooks.generateTestHeaderString({ payload: replay, secret: localWebhookSecret() }) }), post(again)]);
  });
  const burstIds = burst.map((o) => o.id);
  await waitSubmitted(burstIds);
  const wall = (performance.now() - t0) / 1000;
  const burstRows = await db.order.findMany({ where: { id: { in: burstIds } }, select: { paidAt: true, submittedAt: true, status: true } });
  const bs = summarize(burstRows.filter((r) => r.submittedAt).map((r) => r.submittedAt!.getTime() - r.paidAt!.getTime()));
  const count = async (sql: string) => Number((await db.$queryRawUnsafe<{ n: bigint }[]>(sql, burstIds))[0].n);
  const providerOrders = await db.localFulfilmentOrder.count({ where: { externalId: { in: burstIds } } });
  const dupProvider = await count(`select count(*) as n from (select "externalId" from local_fulfilment_orders where "externalId" = any($1) group by 1 having count(*) > 1) d`);
  const dupPayments = await count(`select count(*) as n from (select "orderId" from payments where "orderId" = any($1) group by 1 having count(*) > 1) d`);
  const dupEvents = await count(`select count(*) as n from (select "orderId", type from order_events where "orderId" = any($1) and type in ('paid','submitted') group by 1, 2 having count(*) > 1) d`);
  const dupMails = await count(`select count(*) as n from (select "entityId" from mail_messages where "entityId" = any($1) and kind = 'order.confirmation' group by 1 having count(*) > 1) d`);
  const submitted = burstRows.filter((r) => r.status === "SUBMITTED").length;

  console.log(`machine: ${machine()}`);
  console.log(`worker concurrency: payment ${base * 4}, fulfilment ${base * 2}; peak RSS ${rss.stop()} MiB (bench process: web route + workers)`);
  console.log(`paid→submitted (local providers), ${N} orders paid one every ${ARRIVAL_MS} ms: p50 ${fmt(lat.p50 / 1000, 3)} s · p95 ${fmt(lat.p95 / 1000, 3)} s · max ${fmt(lat.max / 1000, 3)} s   [target p95 ≤ 2 s]`);
  console.log(`burst: ${BURST} orders paid 50 in flight, each paid event delivered 3× (original, replay, new event id): wall ${fmt(wall, 1)} s, paid→submitted p50 ${fmt(bs.p50 / 1000, 2)} s · p95 ${fmt(bs.p95 / 1000, 2)} s`);
  console.log(`burst outcome: submitted ${submitted}/${BURST}, provider orders ${providerOrders}, duplicates: provider ${dupProvider} · payments ${dupPayments} · timeline ${dupEvents} · confirmation mails ${dupMails}   [target ${BURST} provider orders, 0 duplicates]`);

  server.close();
  await Promise.all(workers.map((w) => w.close()));
  for (const q of queues) await queue(q).obliterate({ force: true }).catch(() => undefined);
  await closeQueues();
  await disconnectDb();
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
