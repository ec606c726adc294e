import { describe, expect, it } from "vitest";
import { extractKeywords } from "../server/services/ingest/keywords";
import { draftFromRedditPost, itemContentHash, redditContentHash, normalizeUrl, sha256 } from "../server/services/ingest/normalize";
import { postFromT3 } from "../server/providers/reddit/listing";
import { parseFeed } from "../server/services/ingest/sources/rss";
import { parseSignalCsv } from "../server/services/ingest/sources/csv";
import { parseCalendarCsv } from "../server/services/ingest/calendar";
import { bloomIndexes, bloomSize } from "../server/services/ingest/bloom";
import { checkCronAuth } from "../server/services/ingest/cron";
import { readFileSync } from "node:fs";
import { t3 } from "./helpers/ingest";

describe("keyword extraction", () => {
  it("drops stopwords, short words and numbers, ranks title words first, keeps at most 8", () => {
    const k = extractKeywords("My cat has decided the laundry basket is now his office", "The office has a cat tree and 42 toys. Cat cat.");
    expect(k[0]).toBe("cat");
    expect(k).toEqual(expect.arrayContaining(["laundry", "basket", "office"]));
    for (const stop of ["my", "the", "has", "is", "now", "his", "42", "a"]) expect(k).not.toContain(stop);
    expect(extractKeywords("one two three four five six seven eight nine ten eleven twelve thirteen fourteen".replace(/\b(\w+)\b/g, "$1x"))).toHaveLength(8);
  });

  it("folds accents and possessives, ignores URLs", () => {
    expect(extractKeywords("Grandma's crème brûlée https://example.com/recipe")).toEqual(["grandma", "creme", "brulee"]);
  });
});

describe("normalizing to signal drafts", () => {
  it("identifies a Reddit post by its t3 id whatever listing it came from", () => {
    const a = draftFromRedditPost(postFromT3(t3({ id: "abc12", subreddit: "cats", score: 5 })));
    const b = draftFromRedditPost(postFromT3(t3({ id: "abc12", subreddit: "popular", score: 9 })));
    expect(a.contentHash).toBe(b.contentHash);
    expect(a.contentHash).toBe(sha256("reddit:t3_abc12"));
    expect(redditContentHash("t3_ABC12")).toBe(a.contentHash);
    expect(a).toMatchObject({ externalId: "t3_abc12", community: "cats", score: 5, comments: 7 });
    expect(a.postedAt.getTime()).toBe(1763800000 * 1000);
  });

  it("marks stickied, removed and deleted posts to be skipped", () => {
    expect(draftFromRedditPost(postFromT3(t3({ stickied: true }))).skip).toBe("skipped_stickied");
    expect(draftFromRedditPost(postFromT3(t3({ selftext: "[removed]" }))).skip).toBe("skipped_removed");
    expect(draftFromRedditPost(postFromT3(t3({ removed_by_category: "moderator" }))).skip).toBe("skipped_removed");
    expect(draftFromRedditPost(postFromT3(t3({ author: "[deleted]" }))).skip).toBe("skipped_deleted");
    expect(draftFromRedditPost(postFromT3(t3({ selftext: "[deleted]" }))).skip).toBe("skipped_deleted");
    expect(draftFromRedditPost(postFromT3(t3())).skip).toBeUndefined();
  });

  it("identifies other items by normalized URL, else by normalized title", () => {
    expect(normalizeUrl("https://WWW.Example.com/a/b/?utm_source=x&b=2&a=1#frag")).toBe("example.com/a/b?a=1&b=2");
    expect(itemContentHash("https://example.com/a?utm_medium=rss", "x")).toBe(itemContentHash("http://www.example.com/a/", "y"));
    expect(itemContentHash(null, "Hello   World")).toBe(itemContentHash("", "hello world"));
  });
});

describe("RSS/Atom, CSV and calendar parsing", () => {
  it("reads RSS 2.0 items", () => {
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
      <item><title>Cats &amp; coffee</title><link>https://blog.example/cats</link><description>&lt;p&gt;Hello&lt;/p&gt;</description><pubDate>Sat, 21 Nov 2026 10:00:00 GMT</pubDate><guid>g1</guid></item>
      <item><title></title><link>https://blog.example/empty</link></item></channel></rss>`;
    const r = parseFeed(xml, "blog");
    expect(r.invalid).toBe(1);
    expect(r.drafts[0]).toMatchObject({ title: "Cats & coffee", url: "https://blog.example/cats", community: "blog", externalId: "g1", body: "Hello" });
    expect(r.drafts[0].postedAt.toISOString()).toBe("2026-11-21T10:00:00.000Z");
  });

  it("reads Atom entries", () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>Garden log</title><link rel="alternate" href="https://g.example/1"/><id>urn:1</id><updated>2026-11-20T08:00:00Z</updated><summary>Tomatoes</summary></entry></feed>`;
    const r = parseFeed(xml, "garden");
    expect(r.drafts[0]).toMatchObject({ title: "Garden log", url: "https://g.example/1", externalId: "urn:1", body: "Tomatoes" });
  });

  it("refuses a document that is not a feed", () => {
    expect(() => parseFeed("<html><body>hi</body></html>", "x")).toThrow(/RSS 2.0 or Atom/);
  });

  it("reads CSV rows and counts bad ones", () => {
    const csv = "title,body,url,community,score,comments,posted_at\nPun day,,https://x.example/1,puns,12,3,2026-11-20T10:00:00Z\n,no title,,,,,\nBad score,,,,abc,,\n";
    const r = parseSignalCsv(csv);
    expect(r.invalid).toBe(2);
    expect(r.drafts).toHaveLength(1);
    expect(r.drafts[0]).toMatchObject({ title: "Pun day", community: "puns", score: 12, comments: 3 });
    expect(() => parseSignalCsv("name,value\na,b\n")).toThrow(/title column/);
  });

  it("reads the shipped calendar: a year of occasions, valid dates, keywords split on ;", () => {
    const { rows, invalid } = parseCalendarCsv(readFileSync("data/calendar.csv", "utf8"));
    expect(invalid).toBe(0);
    expect(rows.length).toBeGreaterThanOrEqual(35);
    expect(new Set(rows.map((r) => r.month)).size).toBe(12);
    const halloween = rows.find((r) => r.name === "Halloween")!;
    expect(halloween).toMatchObject({ month: 10, day: 31 });
    expect(halloween.keywords).toContain("pumpkin");
    expect(parseCalendarCsv("month,day,name,keywords,product_hint\n2,30,Nope,x,tee\n13,1,Nope,x,tee\n").invalid).toBe(2);
  });
});

describe("bloom filter sizing", () => {
  it("sizes ~1M items at 1% to ~9.6M bits and 7 hashes, indexes in range and stable", () => {
    const s = bloomSize(1_000_000, 0.01);
    expect(s.hashes).toBe(7);
    expect(s.bits).toBeGreaterThan(9_500_000);
    expect(s.bits).toBeLessThan(9_700_000);
    const idx = bloomIndexes("abc", s);
    expect(idx).toHaveLength(7);
    expect(new Set(idx).size).toBe(7);
    for (const i of idx) expect(i >= 0 && i < s.bits && Number.isInteger(i)).toBe(true);
    expect(bloomIndexes("abc", s)).toEqual(idx);
  });
});

describe("cron guard", () => {
  const secret = "s3cret-s3cret-s3cret";
  it("answers 503 when CRON_SECRET is unset", () => {
    expect(checkCronAuth(`Bearer ${secret}`, undefined)).toMatchObject({ ok: false, status: 503 });
  });
  it("answers 401 without or with a wrong bearer token", () => {
    expect(checkCronAuth(null, secret)).toMatchObject({ ok: false, status: 401 });
    expect(checkCronAuth(secret, secret)).toMatchObject({ ok: false, status: 401 });
    expect(checkCronAuth("Bearer wrong", secret)).toMatchObject({ ok: false, status: 401 });
    expect(checkCronAuth(`Bearer ${secret}x`, secret)).toMatchObject({ ok: false, status: 401 });
  });
  it("lets the right token through", () => {
    expect(checkCronAuth(`Bearer ${secret}`, secret)).toEqual({ ok: true });
  });
});
