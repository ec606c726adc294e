import { describe, expect, it } from "vitest";
import { createCaller } from "../server/api/root";
import { db } from "../server/db";
import { statementCounter } from "../server/db-adapter";
import { queue } from "../server/queues/connection";
import { runIngest } from "../server/services/ingest/run-ingest";
import { POST } from "../app/api/cron/ingest/route";
import { makeUser, uid } from "./helpers/factories";
import { t3, writeListings } from "./helpers/ingest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

async function seedSignals(n: number) {
  const sub = uid("rt_").replace(/-/g, "");
  const posts = Array.from({ length: n }, (_, i) => t3({ subreddit: sub, title: `Router test ${i} ${i % 2 ? "waffle" : "pancake"} cat`, over_18: i === 0 }));
  await runIngest({ sourceKey: "reddit", from: writeListings(mkdtempSync(join(tmpdir(), "ml-rt-")), { x: posts }) });
  return sub;
}

describe("signals router", () => {
  it("lists with filters and cursor pagination in a constant number of statements", async () => {
    const admin = await makeUser("ADMIN");
    const api = createCaller({ user: admin });
    const sub = await seedSignals(30);
    const one = await db.signal.findFirstOrThrow({ where: { community: sub, status: "NEW" } });
    await db.scoreBreakdown.create({ data: { signalId: one.id, freshness: 0.9, engagement: 0.5, novelty: 0.7, communityFit: 0.4, seasonality: 0.1, total: 0.66, weights: {}, explanation: {} } });

    const seen = new Set<string>();
    let cursor: string | undefined;
    let pages = 0;
    do {
      const before = statementCounter.count;
      const page = await api.signals.list({ community: sub, take: 7, cursor });
      expect(statementCounter.count - before).toBe(1);
      for (const s of page.items) seen.add(s.id);
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(seen.size).toBe(30);
    expect(pages).toBe(5);

    const before = statementCounter.count;
    const big = await api.signals.list({ community: sub, take: 100 });
    expect(statementCounter.count - before).toBe(1);
    const scored = big.items.find((s) => s.id === one.id)!;
    expect(scored.breakdown).toMatchObject({ total: 0.66, freshness: 0.9 });
    expect(scored.sourceKey).toBe("reddit");
    expect(big.items.filter((s) => s.breakdown === null)).toHaveLength(29);

    const rejected = await api.signals.list({ community: sub, status: "REJECTED" });
    expect(rejected.items).toHaveLength(1);
    expect(rejected.items[0].rejectReason).toBe("over_18");
    expect((await api.signals.list({ community: sub, search: "WAFFLE" })).items).toHaveLength(15);
    expect((await api.signals.list({ community: sub, search: "100%_" })).items).toHaveLength(0);
    expect((await api.signals.list({ community: sub, source: "csv" })).items).toHaveLength(0);
    await expect(api.signals.list({ cursor: "garbage" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("is for dashboard users only: viewers read, only admins change", async () => {
    const viewer = await makeUser("VIEWER");
    expect(Array.isArray((await createCaller({ user: viewer }).signals.list({})).items)).toBe(true);
    await expect(createCaller({ user: viewer }).signals.ingestNow({ sourceKey: "reddit" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createCaller({ user: null }).subreddits.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("queues an ingest on request and reports its state until a worker records the run", async () => {
    const api = createCaller({ user: await makeUser("ADMIN") });
    const { jobRunId, jobId } = await api.signals.ingestNow({ sourceKey: "reddit" });
    expect(jobRunId).toBe(`ingest-${jobId}`);
    const job = await queue("ingest").getJob(jobId!);
    expect(job?.data).toEqual({ sourceKey: "reddit" });
    expect(await api.signals.ingestRun({ jobRunId })).toMatchObject({ state: "QUEUED", run: null });
    await db.jobRun.create({ data: { id: jobRunId, queue: "ingest", name: "ingest", status: "DONE", result: { read: 1, new: 1, updated: 0, rejected: {} } } });
    expect(await api.signals.ingestRun({ jobRunId })).toMatchObject({ state: "DONE", run: { result: { new: 1 } } });
  });
});

describe("subreddits router", () => {
  it("adds with validation, updates sort/limit, toggles, and deletes only when confirmed", async () => {
    const api = createCaller({ user: await makeUser("ADMIN") });
    const name = uid("Sub_").replace(/-/g, "");
    await expect(api.subreddits.upsert({ name: "no spaces allowed" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/subreddit name/) });
    await expect(api.subreddits.upsert({ name: "cats", limit: 500 })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/at most 100/) });
    const row = await api.subreddits.upsert({ name: `https://www.reddit.com/r/${name}/`, sort: "TOP", limit: 20, style: "  retro  " });
    expect(row).toMatchObject({ name: name.toLowerCase(), sort: "TOP", limit: 20, style: "retro", enabled: true });
    const again = await api.subreddits.upsert({ name: `r/${name}` });
    expect(again.id).toBe(row.id);
    expect(await api.subreddits.update({ id: row.id, sort: "NEW", limit: 5 })).toMatchObject({ sort: "NEW", limit: 5 });
    expect(await api.subreddits.setEnabled({ id: row.id, enabled: false })).toMatchObject({ enabled: false });
    expect((await api.subreddits.list()).find((s) => s.id === row.id)?.enabled).toBe(false);
    await expect(api.subreddits.remove({ id: row.id, confirm: false as true })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.subreddit.count({ where: { id: row.id } })).toBe(1);
    await api.subreddits.remove({ id: row.id, confirm: true });
    expect(await db.subreddit.count({ where: { id: row.id } })).toBe(0);
    await expect(api.subreddits.remove({ id: row.id, confirm: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("POST /api/cron/ingest", () => {
  const req = (auth?: string, body?: unknown) =>
    new Request("http://localhost/api/cron/ingest", { method: "POST", headers: auth ? { authorization: auth } : {}, body: body === undefined ? undefined : JSON.stringify(body) });

  it("refuses without the secret and queues every enabled source with it", async () => {
    expect((await POST(req())).status).toBe(401);
    expect((await POST(req("Bearer nope"))).status).toBe(401);
    await db.source.upsert({ where: { key: "reddit" }, create: { key: "reddit", kind: "REDDIT", name: "Reddit" }, update: { enabled: true } });
    const ok = await POST(req(`Bearer ${process.env.CRON_SECRET}`));
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { queued: Array<{ sourceKey: string; jobId: string }> };
    expect(body.queued.map((q) => q.sourceKey)).toContain("reddit");
    const one = await POST(req(`Bearer ${process.env.CRON_SECRET}`, { source: "reddit" }));
    expect(((await one.json()) as { queued: unknown[] }).queued).toHaveLength(1);
    expect((await POST(req(`Bearer ${process.env.CRON_SECRET}`, { source: "bad key!" }))).status).toBe(400);
  });
});
