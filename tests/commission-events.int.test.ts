import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "../app/api/commissions/[token]/events/route";
import { db } from "../server/db";
import { recordEvent } from "../server/services/commissions/events";
import { awaitingCommission, useLocalPayments } from "./helpers/commissions";

beforeAll(() => useLocalPayments());

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
    await db.commission.update({ where: { id: c.id }, data: { status: "EXPIRED" } });
    const text = await reading;
    expect(text).toContain('"type":"paid"');
    expect(text).toContain("event: end");
  });

  it("404s an unknown token", async () => {
    expect((await GET(new Request("http://localhost/x"), { params: Promise.resolve({ token: "nope" }) })).status).toBe(404);
  });
});
