import { mkdtempSync, writeFileSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { checkContent } from "../server/services/moderation/check-content";
import { compileDenylist, loadDenylist, parseDenylist } from "../server/services/moderation/denylist";

const list = compileDenylist(["ass", "star wars", "coca-cola", "pokemon", "Disney", "kill yourself"]);
const deps = { denylist: async () => list };
const ok = { title: "A cozy cat nap", body: "", community: "cats", over18: false, subredditNsfw: false };

describe("checkContent", () => {
  it("passes safe content", async () => {
    expect(await checkContent(ok, deps)).toEqual({ ok: true });
  });

  it("rejects over_18 posts and NSFW subreddits", async () => {
    expect(await checkContent({ ...ok, over18: true }, deps)).toEqual({ ok: false, reason: "over_18" });
    expect(await checkContent({ ...ok, subredditNsfw: true }, deps)).toEqual({ ok: false, reason: "nsfw_subreddit" });
  });

  it("matches denylisted words on word boundaries, in any case, in title, body or community", async () => {
    expect(await checkContent({ ...ok, title: "Kick ASS cat" }, deps)).toEqual({ ok: false, reason: "denylist:ass" });
    expect(await checkContent({ ...ok, title: "My cat's first class at the bass school" }, deps)).toEqual({ ok: true });
    expect(await checkContent({ ...ok, title: "Assorted cats", body: "passing by" }, deps)).toEqual({ ok: true });
    expect(await checkContent({ ...ok, body: "dressed up as STAR-WARS characters" }, deps)).toEqual({ ok: false, reason: "denylist:star wars" });
    expect(await checkContent({ ...ok, title: "starwars day" }, deps)).toEqual({ ok: false, reason: "denylist:star wars" });
    expect(await checkContent({ ...ok, title: "Coca Cola bottle garden" }, deps)).toEqual({ ok: false, reason: "denylist:coca-cola" });
    expect(await checkContent({ ...ok, title: "Pokémon cards" }, deps)).toEqual({ ok: false, reason: "denylist:pokemon" });
    expect(await checkContent({ ...ok, title: "disney's new cat" }, deps)).toEqual({ ok: false, reason: "denylist:Disney" });
    expect(await checkContent({ ...ok, title: "the disneyland-ish vibe" }, deps)).toEqual({ ok: true });
    expect(await checkContent({ ...ok, community: "pokemon" }, deps)).toEqual({ ok: false, reason: "denylist:pokemon" });
  });

  it("fails closed when a check errors", async () => {
    const broken = { denylist: async () => Promise.reject(new Error("disk on fire")) };
    expect(await checkContent(ok, broken)).toEqual({ ok: false, reason: "moderation_error" });
    expect(await checkContent({ ...ok, title: 42 as unknown as string }, deps)).toEqual({ ok: false, reason: "moderation_error" });
    const throwing = { denylist: async () => ({ terms: [], match: () => { throw new Error("regex blew up"); } }) };
    expect(await checkContent(ok, throwing)).toEqual({ ok: false, reason: "moderation_error" });
  });
});

describe("denylist file", () => {
  it("ships data/denylist.txt with trademarks and unsafe words, comments ignored", async () => {
    const shipped = await loadDenylist();
    expect(shipped.terms.length).toBeGreaterThan(30);
    expect(shipped.terms.some((t) => t.startsWith("#"))).toBe(false);
    expect(shipped.match("Pikachu sticker")).toBe("pikachu");
    expect(shipped.match("A classic cat nap")).toBeNull();
    expect(await checkContent({ ...ok, title: "Fresh brew from Starbucks" })).toEqual({ ok: false, reason: "denylist:starbucks" });
  });

  it("parses lines, drops blanks, comments and duplicates", () => {
    expect(parseDenylist("# header\nfoo\n\n  Bar  # trailing\nfoo\nFOO\n")).toEqual(["foo", "Bar"]);
  });

  it("reloads when the file changes", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "ml-deny-")), "deny.txt");
    writeFileSync(file, "pineapple\n");
    expect((await loadDenylist(file)).match("pineapple pizza")).toBe("pineapple");
    writeFileSync(file, "anchovy\n");
    const later = new Date(Date.now() + 60_000);
    utimesSync(file, later, later);
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + 6_000); // past the recheck interval
      const reloaded = await loadDenylist(file);
      expect(reloaded.match("anchovy pizza")).toBe("anchovy");
      expect(reloaded.match("pineapple pizza")).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
