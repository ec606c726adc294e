import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "../server/db";
import { queue, queuePrefix, redis } from "../server/queues/connection";
import { resetEnvCache } from "../server/env";
import { resetReddit } from "../server/providers/reddit";
import { postFromT3 } from "../server/providers/reddit/listing";
import { runIngest } from "../server/services/ingest/run-ingest";
import { signalFromRedditPost } from "../server/services/ingest/signal-from-post";
import { seedIngestion } from "../server/services/ingest/seed-ingestion";
import { RedisBloom, bloomIndexes, bloomSize, signalBloom } from "../server/services/ingest/bloom";
import { extractKeywords } from "../server/services/ingest/keywords";
import { redditContentHash } from "../server/services/ingest/normalize";
import { uid } from "./helpers/factories";
import { t3, writeListings, type T3 } from "./helpers/ingest";

const run = promisify(execFile);
const tmp = (p: string) => mkdtempSync(join(tmpdir(), `ml-ingest-${p}-`));
const hashes = (posts: T3[]) => posts.map((p) => redditContentHash(p.id));

/** 3 files × 100 posts: 50 posts appear in all three, 50 in each file only; `over18` of the own ones are NSFW. */
function threeOverlappingFiles(over18 = 5) {
  const sub = uid("sub_").replace(/-/g, "");
  const shared = Array.from({ length: 50 }, (_, i) => t3({ subreddit: sub, title: `Shared cozy cat loaf number ${i}` }));
  const own = ["a", "b", "c"].map((f) =>
    Array.from({ length: 50 }, (_, i) => t3({ subreddit: sub, title: `Garden gnome ${f}${i} waters the tomatoes`, over_18: f === "a" && i < over18 })),
  );
  const dir = writeListings(tmp("three"), { a: [...shared.slice(0, 25), ...own[0], ...shared.slice(25)], b: [...own[1], ...shared], c: [...shared.reverse(), ...own[2]] });
  return { dir, shared, own, unique: [...shared, ...own.flat()], nsfw: own[0].slice(0, over18) };
}

describe("ingest of Reddit listing files (the issue's done-when)", () => {
  it("stores every unique post once, counts repeats as updated, rejects over_18, and a rerun adds nothing", async () => {
    const { dir, shared, unique, nsfw } = threeOverlappingFiles();
    const progress: string[] = [];
    const first = await runIngest({ sourceKey: "reddit", from: dir, onProgress: (p) => void progress.push(`${p.stage}:${p.label}`) });
    expect(first).toEqual({ read: 300, new: 195, updated: 100, rejected: { over_18: 5 } });
    expect(progress.filter((p) => p.startsWith("read:"))).toHaveLength(3);
    expect(progress.at(-1)).toBe("done:reddit");

    const rows = await db.signal.findMany({ where: { contentHash: { in: hashes(unique) } } });
    expect(rows).toHaveLength(200);
    const byHash = new Map(rows.map((r) => [r.contentHash, r]));
    for (const p of shared) expect(byHash.get(redditContentHash(p.id))!.seenCount).toBe(3);
    for (const p of nsfw) expect(byHash.get(redditContentHash(p.id))).toMatchObject({ status: "REJECTED", rejectReason: "over_18" });
    const sample = byHash.get(redditContentHash(shared[0].id))!;
    expect(sample).toMatchObject({ externalId: `t3_${shared[0].id}`, status: "NEW", score: 100, comments: 7 });
    expect(sample.keywords).toEqual(expect.arrayContaining(["shared", "cozy", "cat", "loaf"]));
    expect((sample.raw as { id: string }).id).toBe(shared[0].id);

    const again = await runIngest({ sourceKey: "reddit", from: dir });
    expect(again).toEqual({ read: 300, new: 0, updated: 300, rejected: {} });
    expect(await db.signal.count({ where: { contentHash: { in: hashes(unique) } } })).toBe(200);
    expect((await db.signal.findUniqueOrThrow({ where: { contentHash: redditContentHash(shared[1].id) } })).seenCount).toBe(6);
  });

  it("folds repeats the same way when they fall in different batches, and refreshes score and comments", async () => {
    const { dir, unique } = threeOverlappingFiles(0);
    const r = await runIngest({ sourceKey: "reddit", from: dir, batchSize: 37 });
    expect(r).toEqual({ read: 300, new: 200, updated: 100, rejected: {} });
    const p = unique[0];
    writeListings(dir, { a: [{ ...p, score: 999, num_comments: 55 }], b: [], c: [] });
    expect(await runIngest({ sourceKey: "reddit", from: dir })).toEqual({ read: 1, new: 0, updated: 1, rejected: {} });
    expect(await db.signal.findUniqueOrThrow({ where: { contentHash: redditContentHash(p.id) } })).toMatchObject({ score: 999, comments: 55, seenCount: 4 });
  });

  it("drops duplicates within and across batches however small the batches, storing each batch after the one before", async () => {
    for (const batchSize of [1, 2, 5]) {
      const sub = uid("sub_").replace(/-/g, "");
      const [p1, p2, p3, p4, p5] = Array.from({ length: 5 }, (_, i) => t3({ subreddit: sub, title: `Batch ${batchSize} duplicate teapot ${i}` }));
      // p1, p2 three times; p3, p4, p5 twice; both next to each other (same batch) and far apart (later batches)
      const dir = writeListings(tmp("dups"), { a: [p1, p1, p2, p3, p2, p1, p4], b: [p5, p5, p4, p3, p2] });
      expect(await runIngest({ sourceKey: "reddit", from: dir, batchSize })).toEqual({ read: 12, new: 5, updated: 7, rejected: {} });
      const rows = await db.signal.findMany({ where: { community: sub }, select: { contentHash: true, seenCount: true } });
      const seen = new Map(rows.map((r) => [r.contentHash, r.seenCount]));
      expect([p1, p2, p3, p4, p5].map((p) => seen.get(redditContentHash(p.id)))).toEqual([3, 3, 2, 2, 2]);
      expect(await runIngest({ sourceKey: "reddit", from: dir, batchSize })).toEqual({ read: 12, new: 0, updated: 12, rejected: {} });
      expect(await db.signal.count({ where: { community: sub } })).toBe(5);
    }
  });

  it("stores text exactly as given (quotes, backslashes, JSON-like text, emoji, nulls) and an emoji cut in half by a length limit as U+FFFD", async () => {
    const sub = uid("sub_").replace(/-/g, "");
    const title = `He said "hi" \\ {not,an,array} [1] 'q' NULL 🐱 café\ttab`;
    const body = `${"x".repeat(19_999)}🐱 and more`; // the 20,000-char limit cuts the emoji in half
    const post = t3({ subreddit: sub, title, selftext: body, author: null as unknown as string, score: 1e12, created_utc: 1763800000.25, extra: { nested: [1, { q: '"' }], none: null } });
    const plain = t3({ subreddit: sub, title: "Plain cat" });
    const dir = writeListings(tmp("text"), { x: [post, plain] });
    expect(await runIngest({ sourceKey: "reddit", from: dir })).toEqual({ read: 2, new: 2, updated: 0, rejected: {} });
    const row = await db.signal.findUniqueOrThrow({ where: { contentHash: redditContentHash(post.id) } });
    expect(row).toMatchObject({ title, author: null, community: sub, score: 2_147_483_647, comments: 7, status: "NEW", rejectReason: null, seenCount: 1, externalId: `t3_${post.id}` });
    expect(row.body).toBe(`${"x".repeat(19_999)}\ufffd`);
    expect(row.postedAt.getTime()).toBe(1763800000250);
    expect(row.url).toBe(`https://www.reddit.com${post.permalink}`);
    expect(row.keywords).toEqual(extractKeywords(title, body));
    expect(row.raw).toEqual(JSON.parse(JSON.stringify(post)));
    expect(row.embedding).toEqual([]);
    expect(row.id).toMatch(/^c[0-9a-z]{24}$/);
    // the single-post path shares the row mapping (a cut emoji once failed the whole write there too)
    const one = await signalFromRedditPost(postFromT3(t3({ subreddit: sub, title: `${"y".repeat(999)}🐱` })));
    expect(one.title).toBe(`${"y".repeat(999)}\ufffd`);
  });

  it("never lets a rejected signal become an idea", async () => {
    const { dir, nsfw } = threeOverlappingFiles();
    await runIngest({ sourceKey: "reddit", from: dir });
    const { scoreNewSignals } = await import("../server/services/scoring/score-signals");
    await scoreNewSignals();
    const rejected = await db.signal.findMany({ where: { contentHash: { in: hashes(nsfw) } }, include: { ideas: true } });
    expect(rejected).toHaveLength(5);
    for (const s of rejected) {
      expect(s.status).toBe("REJECTED");
      expect(s.ideas).toEqual([]);
    }
  });

  it("skips stickied, removed and deleted posts (reported, not stored) and rejects denylisted words", async () => {
    const sub = uid("sub_").replace(/-/g, "");
    const posts = [
      t3({ subreddit: sub, stickied: true, title: "Weekly thread" }),
      t3({ subreddit: sub, removed_by_category: "moderator", title: "Gone" }),
      t3({ subreddit: sub, selftext: "[removed]", title: "Gone too" }),
      t3({ subreddit: sub, author: "[deleted]", title: "Deleted" }),
      t3({ subreddit: sub, title: "My Pikachu cosplay cat" }),
      t3({ subreddit: sub, title: "Sleepy cat in a sunbeam" }),
    ];
    const dir = writeListings(tmp("skips"), { x: posts });
    const r = await runIngest({ sourceKey: "reddit", from: dir });
    expect(r).toEqual({ read: 6, new: 1, updated: 0, rejected: { skipped_stickied: 1, skipped_removed: 2, skipped_deleted: 1, "denylist:pikachu": 1 } });
    expect(await db.signal.count({ where: { contentHash: { in: hashes(posts.slice(0, 4)) } } })).toBe(0);
    expect(await db.signal.findUniqueOrThrow({ where: { contentHash: redditContentHash(posts[4].id) } })).toMatchObject({ status: "REJECTED", rejectReason: "denylist:pikachu" });
  });

  it("queues a score job after an ingest that added signals", async () => {
    await queue("score").obliterate({ force: true });
    const { dir } = threeOverlappingFiles(0);
    await runIngest({ sourceKey: "reddit", from: dir });
    const jobs = await queue("score").getJobs(["waiting", "delayed", "prioritized"]);
    expect(jobs.length).toBeGreaterThanOrEqual(1);
    expect(jobs[0].data).toEqual({ reason: "ingest:reddit" });
    // a rerun adds nothing, so it queues nothing more
    await queue("score").obliterate({ force: true });
    await runIngest({ sourceKey: "reddit", from: dir });
    expect(await queue("score").getJobs(["waiting", "delayed", "prioritized"])).toHaveLength(0);
  });

  it("runs the real CLI: progress on stderr, the summary as the last JSON line on stdout", async () => {
    const sub = uid("sub_").replace(/-/g, "");
    const shared = Array.from({ length: 5 }, () => t3({ subreddit: sub }));
    const dir = writeListings(tmp("cli"), {
      one: [...shared, ...Array.from({ length: 15 }, () => t3({ subreddit: sub }))],
      two: [...shared, t3({ subreddit: sub, stickied: true }), t3({ subreddit: sub, over_18: true })],
    });
    const cli = (args: string[]) => run("npx", ["tsx", "scripts/cli.ts", ...args], { env: process.env, cwd: process.cwd(), timeout: 60_000 });
    const { stdout, stderr } = await cli(["ingest", "reddit", "--from", dir, "--json"]);
    const last = stdout.trim().split("\n").at(-1)!;
    expect(JSON.parse(last)).toEqual({ read: 27, new: 20, updated: 5, rejected: { skipped_stickied: 1, over_18: 1 } });
    expect(stderr).toContain("one.json");
    expect(stderr).toMatch(/new:\s+20/);
    const rerun = await cli(["ingest", "reddit", "--from", dir, "--json"]);
    expect(JSON.parse(rerun.stdout.trim().split("\n").at(-1)!)).toMatchObject({ new: 0 });
    const bad = await cli(["ingest"]).catch((e: { code: number; stderr: string }) => e);
    expect(bad).toMatchObject({ code: 2 });
    expect((bad as { stderr: string }).stderr).toMatch(/Usage: npm run cli -- ingest/);
  });
});

describe("reddit source without files: enabled Subreddit rows through the local provider", () => {
  const saved = process.env.REDDIT_LOCAL_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.REDDIT_LOCAL_DIR;
    else process.env.REDDIT_LOCAL_DIR = saved;
    resetEnvCache();
    resetReddit();
  });

  it("reads each enabled subreddit, shifts demo times to now, rejects NSFW subreddits", async () => {
    const safe = uid("safe_").replace(/-/g, "");
    const spicy = uid("spicy_").replace(/-/g, "");
    const off = uid("off_").replace(/-/g, "");
    const dir = writeListings(tmp("local"), {
      [safe]: [t3({ subreddit: safe, created_utc: 1_000_000 }), t3({ subreddit: safe, created_utc: 990_000 })],
      [spicy]: [t3({ subreddit: spicy })],
      [off]: [t3({ subreddit: off })],
    });
    await db.subreddit.createMany({ data: [{ name: safe, limit: 1, sort: "NEW" }, { name: spicy, nsfw: true }, { name: off, enabled: false }] });
    process.env.REDDIT_LOCAL_DIR = dir;
    resetEnvCache();
    resetReddit();
    const r = await runIngest({ sourceKey: "reddit" });
    expect(r.new).toBe(1); // limit 1 of r/safe
    expect(r.rejected).toEqual({ nsfw_subreddit: 1 });
    const got = await db.signal.findMany({ where: { community: { in: [safe, spicy, off] } } });
    expect(got.map((s) => s.community).sort()).toEqual([safe, spicy].sort());
    const fresh = got.find((s) => s.community === safe)!;
    expect(Date.now() - fresh.postedAt.getTime()).toBeLessThan(60 * 60_000);
    expect((fresh.raw as { created_utc: number }).created_utc).toBe(1_000_000);
  });
});

describe("other sources", () => {
  it("ingests a CSV file and an RSS feed file; the same URL from two sources is one signal", async () => {
    const url = `https://blog.example/${uid()}`;
    const csv = join(tmp("csv"), "items.csv");
    writeFileSync(csv, `title,body,url,community,score,comments,posted_at\nBest pun mug ideas,,${url},puns,5,1,2026-11-20T10:00:00Z\n,missing title,,,,,\n`);
    expect(await runIngest({ sourceKey: "csv", from: csv })).toEqual({ read: 2, new: 1, updated: 0, rejected: { invalid: 1 } });
    const name = uid("feed").replace(/-/g, "").toLowerCase();
    await db.source.create({ data: { key: `rss:${name}`, kind: "RSS", name, config: { url: "https://unused.example/feed" } } });
    const feed = join(tmp("rss"), "feed.xml");
    writeFileSync(feed, `<rss version="2.0"><channel><item><title>Best pun mug ideas (again)</title><link>${url}?utm_source=rss</link></item></channel></rss>`);
    expect(await runIngest({ sourceKey: `rss:${name}`, from: feed })).toEqual({ read: 1, new: 0, updated: 1, rejected: {} });
    await expect(runIngest({ sourceKey: "csv" })).rejects.toThrow(/--from/);
    await expect(runIngest({ sourceKey: "rss:nope-not-here" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("signalFromRedditPost", () => {
  it("creates one moderated signal per post and refreshes it on repeat", async () => {
    const post = postFromT3(t3({ title: "A cozy reading nook cat", score: 10 }));
    const a = await signalFromRedditPost(post);
    expect(a).toMatchObject({ status: "NEW", externalId: `t3_${post.id}`, seenCount: 1 });
    const b = await signalFromRedditPost({ ...post, score: 20 });
    expect(b.id).toBe(a.id);
    expect(b).toMatchObject({ score: 20, seenCount: 2 });
    expect(await signalFromRedditPost(postFromT3(t3({ over_18: true })))).toMatchObject({ status: "REJECTED", rejectReason: "over_18" });
    expect(await signalFromRedditPost(postFromT3(t3({ removed_by_category: "moderator" })))).toMatchObject({ status: "REJECTED", rejectReason: "removed" });
    expect(await signalFromRedditPost(postFromT3(t3({ title: "Disney castle cat" })))).toMatchObject({ status: "REJECTED", rejectReason: "denylist:disney" });
    // the ingest sees the same post as a repeat
    const dir = writeListings(tmp("sfp"), { x: [post.raw as T3] });
    expect(await runIngest({ sourceKey: "reddit", from: dir })).toMatchObject({ new: 0, updated: 1 });
  });
});

describe("Redis Bloom filter", () => {
  it("never forgets an added item (no false negatives) and rarely claims an unseen one", async () => {
    const bloom = new RedisBloom(redis(), `${queuePrefix()}:bloom:${uid("t")}`, bloomSize(5_000, 0.01));
    const added = Array.from({ length: 5_000 }, (_, i) => `item-${i}-${uid()}`);
    const unseen = Array.from({ length: 5_000 }, (_, i) => `other-${i}-${uid()}`);
    expect((await bloom.mightContain(added)).every((x) => !x)).toBe(true);
    await bloom.add(added);
    expect((await bloom.mightContain(added)).every(Boolean)).toBe(true);
    const fp = (await bloom.mightContain(unseen)).filter(Boolean).length;
    expect(fp).toBeLessThan(250); // sized for 1%; 5% leaves room
    await bloom.clear();
  });

  it("sets and reads the same bits as SETBIT/GETBIT, so filters written before still answer", async () => {
    const size = bloomSize(1_000, 0.01);
    const bloom = new RedisBloom(redis(), `${queuePrefix()}:bloom:${uid("t")}`, size);
    await bloom.add(["written-now"]);
    for (const i of bloomIndexes("written-now", size)) expect(await redis().getbit(bloom.key, i)).toBe(1);
    for (const i of bloomIndexes("written-before", size)) await redis().setbit(bloom.key, i, 1);
    expect(await bloom.mightContain(["written-before", "written-now", "never-written"])).toEqual([true, true, false]);
    await bloom.clear();
  });

  it("lives under the queue prefix and is only a shortcut: with it wiped, the DB still catches repeats", async () => {
    const { dir } = threeOverlappingFiles(0);
    await runIngest({ sourceKey: "reddit", from: dir });
    const b = signalBloom();
    expect(b.key).toBe(`${queuePrefix()}:bloom:signals`);
    expect(await redis().exists(b.key)).toBe(1);
    await b.clear();
    expect(await runIngest({ sourceKey: "reddit", from: dir })).toMatchObject({ new: 0, updated: 300 });
  });
});

describe("seedIngestion", () => {
  it("is idempotent: sources, ~50 subreddits including the demo files, the calendar", async () => {
    await seedIngestion();
    const counts = async () => [await db.source.count(), await db.subreddit.count(), await db.calendarEvent.count()];
    const once = await counts();
    await seedIngestion();
    expect(await counts()).toEqual(once);
    const sources = await db.source.findMany({ where: { key: { in: ["reddit", "calendar", "rss:hn"] } } });
    expect(sources.map((s) => [s.key, s.kind, s.enabled]).sort()).toEqual([["calendar", "CALENDAR", true], ["reddit", "REDDIT", true], ["rss:hn", "RSS", false]]);
    expect(await db.subreddit.count({ where: { name: { in: ["cats", "puns", "coffee", "gardening", "popular"] }, enabled: true } })).toBe(5);
    expect(once[1]).toBeGreaterThanOrEqual(50);
    expect(await db.calendarEvent.findFirst({ where: { name: "Halloween" } })).toMatchObject({ month: 10, day: 31 });
  });
});
