import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "../app/api/commissions/[token]/events/route";
import { db } from "../server/db";
import { resetEnvCache } from "../server/env";
import { recordEvent } from "../server/services/commissions/events";
import { liveStats, stopLiveEvents } from "../server/services/commissions/live-events";
import { awaitingCommission, useLocalPayments } from "./helpers/commissions";

beforeAll(() => useLocalPayments());
afterAll(() => {
  delete process.env.RATE_LIMIT_SSE_PER_TOKEN;
  delete process.env.RATE_LIMIT_SSE_PER_IP;
  resetEnvCache();
  return stopLiveEvents();
});

async function readAll(res: Response) {
  const text = await res.text();
  return text
    .split("\n\n")
    .filter((b) => b.includes("event: progress"))
    .map((b) => JSON.parse(b.split("\n").find((l) => l.startsWith("data: "))!.slice(6)) as { id: number; type: string });
}

describe("commission event stream (SSE)", () => {
  it("replays stored events after Last-Event-ID and closes when the commission is final", async () => {
    const c = await awaitingCommission();
    await recordEvent(c.id, { type: "paid", message: "paid", dedupeKey: "paid" });
    await recordEvent(c.id, { type: "fetching_post", message: "finding", dedupeKey: "fetching_post" });
    await recordEvent(c.id, { type: "done", message: "ready", dedupeKey: "done" });
    await db.commission.update({ where: { id: c.id }, data: { status: "COMPLETED" } });
    const ctx = { params: Promise.resolve({ token: c.publicToken }) };

    const res = await GET(new Request(`http://localhost/api/commissions/${c.publicToken}/events`), ctx);
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    const all = await readAll(res);
    expect(all.map((e) => e.type)).toEqual(["created", "paid", "fetching_post", "done"]);

    const resumed = await readAll(await GET(new Request(`http://localhost/x`, { headers: { "last-event-id": String(all[1].id) } }), ctx));
    expect(resumed.map((e) => e.type)).toEqual(["fetching_post", "done"]);
    const viaQuery = await readAll(await GET(new Request(`http://localhost/x?after=${all[2].id}`), ctx));
    expect(viaQuery.map((e) => e.type)).toEqual(["done"]);
  });

  it("pushes events written while connected", async () => {
    const c = await awaitingCommission();
    const res = await GET(new Request(`http://localhost/x`), { params: Promise.resolve({ token: c.publicToken }) });
    const reading = res.text();
    await recordEvent(c.id, { type: "paid", message: "paid", dedupeKey: "paid" });
    await db.$transaction(async (tx) => {
      await tx.commission.update({ where: { id: c.id }, data: { status: "EXPIRED" } });
      await recordEvent(c.id, { type: "expired", message: "expired", dedupeKey: "expired" }, tx);
    });
    const text = await reading;
    expect(text).toContain('"type":"paid"');
    expect(text.indexOf('"type":"expired"')).toBeGreaterThan(text.indexOf('"type":"paid"'));
    expect(text).toContain('event: end\ndata: {"status":"EXPIRED"}');
  });

  it("fans one read per announced event out to every watcher, however many watch", async () => {
    const c = await awaitingCommission();
    const ctx = { params: Promise.resolve({ token: c.publicToken }) };
    const watchers = 40;
    // 40 watchers of one link from one address: above the production stream limits on purpose.
    process.env.RATE_LIMIT_SSE_PER_TOKEN = "100";
    process.env.RATE_LIMIT_SSE_PER_IP = "100";
    resetEnvCache();
    const streams = await Promise.all(Array.from({ length: watchers }, () => GET(new Request(`http://localhost/x`), ctx)));
    const texts = streams.map((r) => r.text());
    const before = liveStats().reads;
    for (const step of ["paid", "fetching_post", "writing_idea"]) {
      await recordEvent(c.id, { type: step, message: step, dedupeKey: step });
    }
    await db.$transaction(async (tx) => {
      await tx.commission.update({ where: { id: c.id }, data: { status: "EXPIRED" } });
      await recordEvent(c.id, { type: "expired", message: "expired", dedupeKey: "expired" }, tx);
    });
    for (const text of await Promise.all(texts)) {
      expect(text.match(/event: progress/g)).toHaveLength(5); // created + 4
      expect(text).toContain("event: end");
    }
    // Reads made by the hub: at most one per announced event (bursts coalesce), not one per watcher.
    expect(liveStats().reads - before).toBeLessThanOrEqual(4);
    expect(liveStats().notifications).toBeGreaterThan(0);
  });

  it("a transaction that rolls back announces nothing", async () => {
    const c = await awaitingCommission();
    const res = await GET(new Request(`http://localhost/x`), { params: Promise.resolve({ token: c.publicToken }) });
    const reading = res.text();
    await db
      .$transaction(async (tx) => {
        await recordEvent(c.id, { type: "paid", message: "paid", dedupeKey: "paid" }, tx);
        throw new Error("rollback");
      })
      .catch(() => undefined);
    await db.$transaction(async (tx) => {
      await tx.commission.update({ where: { id: c.id }, data: { status: "EXPIRED" } });
      await recordEvent(c.id, { type: "expired", message: "expired", dedupeKey: "expired" }, tx);
    });
    const text = await reading;
    expect(text).not.toContain('"type":"paid"');
    expect(text).toContain('"type":"expired"');
  });

  it("404s an unknown token", async () => {
    expect((await GET(new Request("http://localhost/x"), { params: Promise.resolve({ token: "nope" }) })).status).toBe(404);
  });
});
