/**
 * Two web processes (scripts/web.ts) and two worker processes on one Postgres and one Redis — the
 * shape `npm start` runs with WEB_CONCURRENCY=2 WORKER_CONCURRENCY=2, or docker-compose scaled.
 * Needs a current production build (`npm test` builds before the integration step).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildNeeded } from "../scripts/start";
import { db } from "../server/db";
import { queuePublications } from "../server/services/publishing/queue-publications";
import { awaitingCommission, sessionObject, signed, useLocalPayments } from "./helpers/commissions";
import { makeListing, makeProducts } from "./helpers/listings";
import { stopAll, waitFor } from "./helpers/wait";

const root = join(__dirname, "..");
const base = Number(process.env.SCALE_TEST_PORT ?? 41850) + Number(process.env.VITEST_POOL_ID ?? 1) * 2;
const webs = [`http://127.0.0.1:${base}`, `http://127.0.0.1:${base + 1}`];
const children: ChildProcess[] = [];
const hasBuild = !buildNeeded();
const API_LIMIT = 8; // public API requests per client address per minute, for both web processes

function start(cmd: string, args: string[], name: string) {
  const env = { ...process.env, NODE_ENV: "production", PAYMENTS_PROVIDER: "local", MERCHLOOP_PROCESS: name, LOG_LEVEL: "warn", RATE_LIMIT_API_PER_IP: String(API_LIMIT) } as NodeJS.ProcessEnv;
  const c = spawn(cmd, args, { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  children.push(c);
}

const page = async (url: string) => {
  const r = await fetch(url);
  return { status: r.status, cache: r.headers.get("x-nextjs-cache"), direct: r.headers.get("x-page-cache") === "HIT", csp: r.headers.get("content-security-policy"), html: await r.text() };
};

beforeAll(async () => {
  if (!hasBuild) return;
  useLocalPayments();
  for (const [i, url] of webs.entries()) start(process.execPath, ["--import", "tsx", join(root, "scripts/web.ts"), "-p", new URL(url).port], `web-${i + 1}`);
  for (const i of [1, 2]) start(join(root, "node_modules/.bin/tsx"), ["workers/index.ts"], `worker-${i}`);
  for (const url of webs) await waitFor(`${url} to answer`, () => fetch(`${url}/api/health`).then((r) => r.ok, () => false), 60_000);
}, 90_000);

afterAll(() => stopAll(children), 30_000);

describe.skipIf(!hasBuild)("two web and two worker processes", () => {
  it("share one page cache, and a publish through a worker refreshes it in both", async () => {
    await makeProducts(3);
    const first = await page(`${webs[0]}/`);
    expect(first.status).toBe(200);
    // Rendered by web 1, served to web 2 from the shared cache.
    expect((await page(`${webs[1]}/`)).cache).toBe("HIT");

    // Once Next has answered a cache HIT in a process, that process sends the page itself (scripts/web.ts
    // → server/http/page-cache.ts): the same HTML and headers, without Next's router.
    const viaNext = await page(`${webs[0]}/`);
    const direct = await waitFor("web 1 to send page 1 itself", async () => {
      const p = await page(`${webs[0]}/`);
      return p.direct && p;
    }, 5_000);
    expect(direct.html).toBe(viaNext.html);
    expect(direct.csp).toBe(viaNext.csp);

    // A product row written behind the cache's back stays invisible: the pages come from the cache.
    const [hidden] = (await makeProducts(1)).productIds;
    const hiddenTitle = (await db.product.findUniqueOrThrow({ where: { id: hidden } })).title;
    for (const url of webs) expect((await page(`${url}/`)).html).not.toContain(hiddenTitle);

    // A real publication, run by one of the workers, invalidates the gallery tag for every process.
    const { listing } = await makeListing({ title: `Freshly published ${Date.now()}` });
    await queuePublications({ listingId: listing.id });
    const product = await waitFor("the worker to publish", () => db.product.findUnique({ where: { listingId: listing.id } }));
    for (const url of webs) {
      const html = await waitFor(`${url} page 1 to show the new product`, async () => {
        const p = await page(`${url}/`);
        return p.html.includes(product.title) && p.html;
      }, 5_000);
      expect(html).toContain(hiddenTitle);
      // …and the page each process sends itself is the new one, not the copy it held before.
      const again = await waitFor(`${url} to send the new page 1 itself`, async () => {
        const p = await page(`${url}/`);
        return p.direct && p;
      }, 5_000);
      expect(again.html).toContain(product.title);
    }
    const total = await db.product.count();
    const last = Math.ceil(total / 24);
    expect((await page(`${webs[0]}/shop/${last}`)).status).toBe(200);
    expect((await page(`${webs[1]}/shop/${last + 1}`)).status).toBe(404);
  });

  it("applies a webhook replayed to both web processes exactly once, and a stream on web 1 sees the worker's stages", async () => {
    const c = await awaitingCommission();
    const stream = await fetch(`${webs[0]}/api/commissions/${c.publicToken}/events`);
    const reader = stream.body!.getReader();
    let text = "";

    const event = signed("checkout.session.completed", sessionObject(c));
    const deliveries = Array.from({ length: 10 }, (_, i) =>
      fetch(`${webs[i % 2]}/api/webhooks/stripe`, { method: "POST", headers: { "content-type": "application/json", "stripe-signature": event.signature }, body: event.payload }),
    );
    // A cold process may answer 503 while it connects (the webhook's store deadline): Stripe retries.
    for (const r of await Promise.all(deliveries)) expect([200, 503]).toContain(r.status);
    await waitFor("the event accepted", async () => (await fetch(`${webs[1]}/api/webhooks/stripe`, { method: "POST", headers: { "content-type": "application/json", "stripe-signature": event.signature }, body: event.payload })).status === 200);

    // "paid" is written while applying the event; the stages after it come from a worker's fulfilment.
    const dec = new TextDecoder();
    await waitFor("a fulfilment stage on the stream of web 1", async () => {
      const { value } = await reader.read();
      text += dec.decode(value);
      return /"type":"(fetching_post|writing_idea|generating_design)"/.test(text);
    }, 60_000);
    await reader.cancel();
    expect(text.match(/"type":"paid"/g)).toHaveLength(1);
    expect(await db.payment.count({ where: { commissionId: c.id, status: "SUCCEEDED" } })).toBe(1);
    expect(await db.stripeEvent.count({ where: { id: event.event.id } })).toBe(1);
  });

  // Last in this file: it spends this address's public-API budget for the minute.
  it("holds one rate limit across both web processes: a client alternating between them gets the limit once, not twice", async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < API_LIMIT * 2; i++) {
      const r = await fetch(`${webs[i % 2]}/api/products`);
      await r.arrayBuffer();
      statuses.push(r.status);
      if (r.status === 429) retryAfter ??= r.headers.get("retry-after");
    }
    // Whatever this file already spent, some succeed but no more than API_LIMIT in all, and both processes refuse.
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(API_LIMIT);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(API_LIMIT);
    expect(statuses.filter((s, i) => s === 429 && i % 2 === 0).length).toBeGreaterThan(0);
    expect(statuses.filter((s, i) => s === 429 && i % 2 === 1).length).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});
