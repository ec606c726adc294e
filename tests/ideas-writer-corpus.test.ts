import { beforeAll, describe, expect, it } from "vitest";
import { seededRandom } from "../lib/random";
import { isPluralNoun } from "../server/providers/ideas/inflect";
import { writeLocalIdea } from "../server/providers/ideas/local";
import { tag, type Token } from "../server/providers/ideas/tagger";
import type { IdeaDraft } from "../server/providers/ideas/types";
import { buildListingCopy, toTag } from "../server/services/design/listing-copy";
import { printablePosts, screenWith, shippedDenylist, type DemoPost } from "./helpers/reddit-posts";

// The writer over every demo post (those ingestion keeps) plus a few hundred generated titles, in
// order, one community after another as the scorer would feed it. Each title is re-tagged here with
// the same NLP library and checked against what its template declared.

const r = seededRandom(12);
const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
const V = {
  pet: ["cat", "dog", "parrot", "hamster", "corgi", "rabbit", "tortoise"],
  object: ["sandwich", "sock", "remote", "houseplant", "laptop charger", "croissant", "yarn ball", "slipper"],
  objects: ["sourdough loaves", "succulents", "mechanical keyboards", "board games", "vinyl records", "tomatoes", "knitting needles", "dice"],
  past: ["stole", "destroyed", "adopted", "found", "knocked over", "painted", "built", "rescued"],
  verb: ["name", "water", "repot", "alphabetize", "photograph", "knit", "brew", "polish"],
  gerund: ["baking", "repotting", "knitting", "painting", "brewing", "gardening", "climbing", "journaling"],
  adj: ["tiny", "grumpy", "perfect", "enormous", "cozy", "chaotic", "majestic", "ridiculous"],
  name: ["Biscuit", "Gerald", "Mochi", "Pickles", "Noodle", "Waffles", "Pepper"],
  time: ["afternoon", "morning", "weekend", "evening"],
};
const FRAMES: Array<() => string> = [
  () => `My ${pick(V.pet)} ${pick(V.past)} the ${pick(V.object)}`,
  () => `Finally finished ${pick(V.gerund)} all my ${pick(V.objects)}`,
  () => `Is it normal to ${pick(V.verb)} your ${pick(V.objects)}?`,
  () => `${pick(V.name)} the ${pick(V.pet)} refuses to leave the ${pick(V.object)}`,
  () => `Just ${pick(V.gerund)} on a ${pick(V.adj)} ${pick(V.time)}`,
  () => `First ${pick(V.object)} of the season and it's ${pick(V.adj)}`,
  () => `I ${pick(V.past)} ${2 + Math.floor(r() * 40)} ${pick(V.objects)} and regret nothing`,
  () => `${pick(V.gerund)[0].toUpperCase()}${pick(V.gerund).slice(1)} is my therapy`,
  () => `Meet ${pick(V.name)}, the most ${pick(V.adj)} ${pick(V.pet)} on the block`,
  () => `Our ${pick(V.adj)} ${pick(V.pet)} learned to open the ${pick(V.object)} drawer`,
  () => `${pick(V.objects)} everywhere, zero regrets`,
  () => `Why does my ${pick(V.pet)} sit on every ${pick(V.object)}`,
];
const COMMUNITIES = ["houseplants", "knitting", "cats", "sourdough", "mechanicalkeyboards", "aww"];
const generated: DemoPost[] = Array.from({ length: 300 }, (_, i) => {
  const title = pick(FRAMES)();
  return { id: `gen-${i}`, community: COMMUNITIES[i % COMMUNITIES.length], title: title[0].toUpperCase() + title.slice(1), body: "", over18: false };
});

type Written = { post: DemoPost; draft: IdeaDraft; previous: string | null };
let written: Written[] = [];
const denylist = shippedDenylist();

beforeAll(() => {
  const posts = [...printablePosts(denylist), ...generated];
  const last = new Map<string, string>();
  const screen = screenWith(denylist);
  written = posts.map((post) => {
    const previous = last.get(post.community) ?? null;
    const draft = writeLocalIdea({ signalId: post.id, title: post.title, body: post.body, community: post.community, keywords: [], style: null, previousFamily: previous, screen });
    last.set(post.community, draft.recipe!.family);
    return { post, draft, previous };
  });
});

/** Lower case for tagging, except names (capitalised by the post) and acronyms. */
function sentenceOf(d: IdeaDraft) {
  const keep = new Set(d.recipe!.slots.filter((s) => s.kind === "name").flatMap((s) => s.text.split(" ")));
  return d.title
    .split(" ")
    .map((w) => (keep.has(w) || (w.length > 1 && w === w.toUpperCase() && /\p{L}/u.test(w)) ? w : w.toLowerCase()))
    .join(" ");
}

/** The tokens of the slot's words, found in order in the tagged title. */
function slotTokens(ts: Token[], slot: string): Token[] {
  const want = slot.toLowerCase().split(" ");
  for (let i = 0; i + want.length <= ts.length; i++) {
    if (want.every((w, k) => ts[i + k].normal === w)) return ts.slice(i, i + want.length);
  }
  return [];
}

function declared(kind: string, ts: Token[]): boolean {
  const last = ts[ts.length - 1];
  switch (kind) {
    case "noun":
    case "count":
      return last.pos === "NOUN" && ts.every((t) => t.pos === "NOUN" || t.pos === "ADJ") && !isPluralNoun(last.normal, last.lemma);
    case "plural":
      return (last.pos === "NOUN" || last.pos === "PROPN") && isPluralNoun(last.normal, last.lemma);
    case "gerund":
      return ts[0].normal.endsWith("ing") && (ts[0].pos === "VERB" || ts[0].pos === "NOUN");
    case "adj":
      return ts.length === 1 && ts[0].pos === "ADJ";
    case "name":
      return ts.every((t) => t.pos === "PROPN");
    case "verb":
      return ts.length === 1 && ts[0].pos === "VERB";
    default:
      return false;
  }
}

const words = (t: string) => t.split(/\s+/).map((w) => w.toLowerCase().replace(/[^\p{L}\p{N}']/gu, "")).filter(Boolean);

describe("local writer over the demo posts and generated titles", () => {
  it("writes one idea per post (150+ demo posts, 300 generated)", () => {
    expect(written.length).toBeGreaterThan(440);
  });

  it("fills every slot with the part of speech its template declared", () => {
    const wrong: string[] = [];
    let slots = 0;
    for (const { draft } of written) {
      const ts = tag(sentenceOf(draft));
      for (const s of draft.recipe!.slots) {
        slots++;
        const found = slotTokens(ts, s.text);
        if (!found.length || !declared(s.kind, found)) wrong.push(`${draft.title} [${s.kind}: ${s.text}] → ${ts.map((t) => `${t.normal}/${t.pos}`).join(" ")}`);
      }
    }
    expect(slots).toBeGreaterThan(250);
    expect(wrong).toEqual([]);
  });

  it("never doubles a word, and keeps tee and sticker slogans within 6 words", () => {
    for (const { draft } of written) {
      const w = words(draft.title);
      expect(new Set(w).size, draft.title).toBe(w.length);
      if (draft.productTypes.some((t) => t === "tee" || t === "sticker")) expect(w.length, draft.title).toBeLessThanOrEqual(6);
    }
  });

  it("never uses one template family twice in a row within a community", () => {
    for (const { draft, previous, post } of written) expect(draft.recipe!.family, `${post.community}: ${draft.title}`).not.toBe(previous);
  });

  it("passes the denylist and content check on the final text", () => {
    for (const { draft } of written) expect(denylist.match(draft.title), draft.title).toBeNull();
  });

  it("mostly fills templates or uses the post's own slogan; quotes are the exception", () => {
    const fam = (f: string) => written.filter((w) => w.draft.recipe!.family === f).length;
    const families = new Set(written.map((w) => w.draft.recipe!.family));
    expect(families.size).toBeGreaterThanOrEqual(9);
    expect((fam("quote") + fam("label")) / written.length).toBeLessThan(0.1);
    expect(fam("own")).toBeGreaterThan(10);
    // Openings vary: the issue found only 65 % of titles starting differently.
    const demo = written.filter((w) => !w.post.id.startsWith("gen-"));
    expect(new Set(demo.map((w) => w.draft.title)).size).toBeGreaterThan(demo.length * 0.95);
  });

  it("writes listing copy from the idea's own phrases, with no shared filler lines", () => {
    const demo = written.filter((w) => !w.post.id.startsWith("gen-"));
    const seen = new Map<string, number>();
    for (const { draft, post } of demo) {
      const copy = buildListingCopy({ title: draft.title, theme: draft.theme, community: post.community, productTypes: draft.productTypes, phrases: draft.recipe!.phrases });
      expect(copy.tags).toHaveLength(13);
      // The phrase that made the design is a tag (whole, or cut to 20 characters on a word boundary).
      const main = toTag(draft.recipe!.phrases[0]);
      if (main) expect(copy.tags.some((t) => t === main || t.startsWith(`${main} `)), `${draft.title}: ${main} in ${copy.tags.join(" | ")}`).toBe(true);
      for (const line of [copy.bullets[0], copy.description.split("\n")[0]]) seen.set(line, (seen.get(line) ?? 0) + 1);
    }
    const repeated = [...seen].filter(([, n]) => n > 1).map(([l]) => l);
    expect(repeated).toEqual([]);
  });
});
