import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseListing, postFromT3, redditPostId } from "../server/providers/reddit/listing";
import { localReddit, SHIFT_TO_SECONDS_AGO, sortPosts } from "../server/providers/reddit/local";
import { readListingFile } from "../server/providers/reddit/files";
import { listing, t3, writeListings } from "./helpers/ingest";

const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, "fixtures/reddit", name), "utf8")) as unknown;

describe("Reddit Listing parser", () => {
  it("reads t3 children of a real listing, ignores extra fields and non-t3 things, counts invalid posts", () => {
    const r = parseListing(fixture("cats-hot.json"));
    expect(r.posts.map((p) => p.id)).toEqual(["1pg77pg", "1p1bdof", "1ph067g"]);
    expect(r.invalid).toBe(1); // the t3 without a title
    expect(r.after).toBe("t3_1ph067g");
    const [a, b, c] = r.posts;
    expect(a).toMatchObject({ subreddit: "cats", over18: false, stickied: false, removed: false, subredditNsfw: false });
    expect(a.title.length).toBeGreaterThan(5);
    expect(typeof a.score).toBe("number");
    expect((a.raw as { all_awardings: unknown[] }).all_awardings).toHaveLength(1); // raw keeps everything
    expect(b.over18).toBe(true);
    expect(c.subredditNsfw).toBe(true); // sr_detail.over18
  });

  it("reads the post listing of a /comments/<id>.json answer and skips the comments", () => {
    const r = parseListing(fixture("comments-response.json"));
    expect(r.posts).toHaveLength(1);
    expect(r.posts[0].id).toBe("1pg77pg");
  });

  it("normalizes subreddit case, flags removed and tolerates numeric strings", () => {
    const p = postFromT3(t3({ id: "abc12", subreddit: "Cats", score: "42" as unknown as number, selftext: "[removed]" }));
    expect(p).toMatchObject({ id: "abc12", subreddit: "cats", score: 42, removed: true });
    expect(postFromT3(t3({ removed_by_category: "moderator" })).removed).toBe(true);
  });

  it("rejects something that is not a Listing", () => {
    expect(() => parseListing({ kind: "t3", data: {} })).toThrow();
    expect(() => parseListing([{ hello: 1 }])).toThrow();
  });

  it("finds the post id in ids, fullnames and URLs", () => {
    expect(redditPostId("1pg77pg")).toBe("1pg77pg");
    expect(redditPostId("t3_1PG77PG")).toBe("1pg77pg");
    expect(redditPostId("https://www.reddit.com/r/cats/comments/1pg77pg/my_cat_has/")).toBe("1pg77pg");
    expect(redditPostId("https://old.reddit.com/comments/1pg77pg")).toBe("1pg77pg");
    expect(redditPostId("https://redd.it/1pg77pg")).toBe("1pg77pg");
    expect(redditPostId("https://example.com/r/cats")).toBeNull();
    expect(redditPostId("not a post")).toBeNull();
  });
});

describe("local Reddit provider", () => {
  const dir = mkdtempSync(join(tmpdir(), "ml-reddit-local-"));
  const now = Math.floor(Date.now() / 1000);
  writeListings(dir, {
    cats: [
      t3({ id: "aaa01", score: 10, created_utc: 1_000_000 }),
      t3({ id: "aaa02", score: 500, created_utc: 1_000_000 - 7200 }),
      t3({ id: "aaa03", score: 50, created_utc: 1_000_000 - 3600 }),
    ],
    popular: [t3({ id: "aaa02", score: 500, created_utc: 1_000_000 - 7200 }), t3({ id: "bbb01", subreddit: "aww", created_utc: 999_000 })],
  });

  it("serves a file as the listing of its name, sorted and limited", async () => {
    const r = localReddit(dir, { shiftTimes: false });
    expect((await r.listing("cats", "hot", 10)).map((p) => p.id)).toEqual(["aaa01", "aaa02", "aaa03"]);
    expect((await r.listing("r/Cats", "top", 2)).map((p) => p.id)).toEqual(["aaa02", "aaa03"]);
    expect((await r.listing("cats", "new", 10)).map((p) => p.id)).toEqual(["aaa01", "aaa03", "aaa02"]);
    expect(await r.listing("nosuchsub", "hot", 10)).toEqual([]);
  });

  it("shifts a file's times so its newest post is a few minutes old, keeping gaps and the raw original", async () => {
    const posts = await localReddit(dir).listing("cats", "new", 10);
    expect(posts[0].createdUtc).toBeGreaterThanOrEqual(now - SHIFT_TO_SECONDS_AGO - 5);
    expect(posts[0].createdUtc).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) - SHIFT_TO_SECONDS_AGO);
    expect(posts[0].createdUtc - posts[1].createdUtc).toBe(3600);
    expect((posts[0].raw as { created_utc: number }).created_utc).toBe(1_000_000);
  });

  it("looks a post up by id or URL across all files", async () => {
    const r = localReddit(dir, { shiftTimes: false });
    expect((await r.post("bbb01"))?.subreddit).toBe("aww");
    expect((await r.post("https://www.reddit.com/r/cats/comments/aaa03/whatever/"))?.id).toBe("aaa03");
    expect(await r.post("zzz99")).toBeNull();
    expect(await r.post("https://example.com/nope")).toBeNull();
  });

  it("reads the shipped demo set: several communities, overlapping posts, the unsafe cases", async () => {
    const shipped = join(process.cwd(), "data/reddit");
    const r = localReddit(shipped);
    const popular = await r.listing("popular", "hot", 100);
    const cats = await r.listing("cats", "hot", 100);
    expect(cats.length).toBeGreaterThanOrEqual(20);
    expect(popular.some((p) => cats.some((c) => c.id === p.id))).toBe(true);
    const all = (await Promise.all(["cats", "rarepuppers", "puns", "wholesomememes", "gardening", "boardgames", "coffee"].map((s) => r.listing(s, "hot", 100)))).flat();
    expect(all.some((p) => p.over18)).toBe(true);
    expect(all.filter((p) => p.stickied)).toHaveLength(1);
    expect(all.some((p) => p.removed)).toBe(true);
  });

  it("names the file when it is not a listing", async () => {
    const bad = join(dir, "broken.json");
    writeFileSync(bad, JSON.stringify({ hello: "world" }));
    await expect(readListingFile(bad)).rejects.toThrow(/broken\.json is not a Reddit Listing/);
  });

  it("sorts rising by score velocity", () => {
    const nowSec = 10_000_000;
    const posts = [postFromT3(t3({ id: "old01", score: 1000, created_utc: nowSec - 48 * 3600 })), postFromT3(t3({ id: "new01", score: 200, created_utc: nowSec - 600 }))];
    expect(sortPosts(posts, "rising", nowSec).map((p) => p.id)).toEqual(["new01", "old01"]);
    expect(listing([]).kind).toBe("Listing");
  });
});
