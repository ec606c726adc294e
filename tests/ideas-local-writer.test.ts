import { describe, expect, it } from "vitest";
import { gerund, plural, singular, titleCase, article } from "../server/providers/ideas/inflect";
import { doubledWord, sloganWords, writeLocalIdea } from "../server/providers/ideas/local";
import { extractPhrases } from "../server/providers/ideas/phrases";
import { ZIdeaDraft, type IdeaInput } from "../server/providers/ideas/types";

const post = (o: Partial<IdeaInput> = {}): IdeaInput => ({
  signalId: "sig-1",
  title: "Finally finished my mechanical keyboard build after three months",
  body: "Lubed every switch by hand.",
  community: "mechanicalkeyboards",
  keywords: ["mechanical keyboard", "switches", "build"],
  style: null,
  ...o,
});

describe("local idea writer", () => {
  it("returns a draft valid under the shared zod schema, with the recipe that made it", () => {
    const d = writeLocalIdea(post());
    expect(ZIdeaDraft.safeParse(d).success).toBe(true);
    expect(d.title.length).toBeLessThanOrEqual(60);
    expect(d.recipe?.family).toBeTruthy();
    expect(d.recipe?.phrases.length).toBeGreaterThan(0);
    expect(d.imagePrompt).toContain(`"${d.title}"`);
    expect(d.imagePrompt).toMatch(/palette/);
  });

  it("fills typed slots from the post's own phrases", () => {
    const d = writeLocalIdea(post());
    expect(d.recipe!.pattern).toMatch(/\{(noun|count|plural|gerund|adj|name|verb)\}/);
    const filled = d.recipe!.slots[0].text;
    expect(`${post().title} ${post().body}`.toLowerCase()).toContain(singular(filled.split(" ").pop()!));
    expect(d.title.toLowerCase()).toContain(filled.toLowerCase());
  });

  it("uses the post's own phrase when it already reads as a slogan", () => {
    const d = writeLocalIdea(post({ community: "wholesomememes", title: "Plant parents unite: you're doing great, even if it's a cactus", body: "", keywords: [] }));
    expect(d).toMatchObject({ title: "Plant Parents Unite", recipe: { family: "own", pattern: null } });
  });

  it("never repeats the community's previous template family", () => {
    const first = writeLocalIdea(post({ community: "wholesomememes", title: "Plant parents unite: you're doing great, even if it's a cactus", body: "", keywords: [] }));
    const next = writeLocalIdea(post({ community: "wholesomememes", title: "Plant parents unite: you're doing great, even if it's a cactus", body: "", keywords: [], previousFamily: first.recipe!.family }));
    expect(next.recipe!.family).not.toBe(first.recipe!.family);
    expect(next.title).not.toBe(first.title);
  });

  it("falls back to a quote from the post when no template fits", () => {
    const d = writeLocalIdea(post({ title: "He fits, therefore he sits", body: "", keywords: [], community: "cats" }));
    expect(d).toMatchObject({ title: "He Fits", recipe: { family: "quote", pattern: null, slots: [] } });
  });

  it("skips any candidate the final-text screen refuses", () => {
    const screen = (t: string) => (/whale/i.test(t) ? "denylist:whale" : null);
    const d = writeLocalIdea(post({ title: "Whale hello there, said the whale watcher to the ocean", body: "", keywords: [], community: "puns", screen }));
    expect(d.title).not.toMatch(/whale/i);
  });

  it("is deterministic per signal id and varies across signals", () => {
    expect(writeLocalIdea(post())).toEqual(writeLocalIdea(post()));
    const many = new Set(Array.from({ length: 20 }, (_, i) => writeLocalIdea(post({ signalId: `sig-${i}` })).title));
    expect(many.size).toBeGreaterThan(3);
  });

  it("keeps forced product types, and slogans within 60 characters and 6 words", () => {
    const d = writeLocalIdea(post({ productTypes: ["mug"], keywords: [], title: "Astronaut photographed the nebula" }));
    expect(d.productTypes).toEqual(["mug"]);
    const long = writeLocalIdea(post({ title: "Supercalifragilisticexpialidociousness antidisestablishmentarianism floccinaucinihilipilification pneumonoultramicroscopicsilicovolcanoconiosis" }));
    expect(long.title.length).toBeLessThanOrEqual(60);
    expect(sloganWords(long.title).length).toBeLessThanOrEqual(6);
  });

  it("keeps acronyms the post wrote in capitals", () => {
    const d = writeLocalIdea(post({ community: "space", title: "JWST captures the Pillars of Creation", keywords: ["jwst", "pillars"], previousFamily: "role" }));
    expect(d.imagePrompt + d.title).toContain("JWST");
  });
});

describe("phrases and inflection", () => {
  it("types the post's phrases", () => {
    const p = extractPhrases({ title: "Why does every game night end with someone flipping the table", body: "", keywords: [] });
    expect(p.gerund.map((g) => g.text)).toContain("flipping tables");
    expect(extractPhrases({ title: "Our game night group just finished a 40 hour campaign", body: "", keywords: [] }).noun.map((n) => n.text)).toContain("game night");
    const q = extractPhrases({ title: "My grandma destroyed us at Catan and now she's insufferable", body: "", keywords: [] });
    expect(q.adj.map((a) => a.text)).toEqual(["insufferable"]);
    expect(q.name.map((n) => n.text)).toEqual(["Catan"]);
    expect(extractPhrases({ title: "Just a few meeples hanging out", body: "", keywords: [] }).plural.map((n) => n.text)).toContain("meeples");
  });

  it("inflects", () => {
    expect(["bake", "roll", "plan", "die", "garden", "see"].map(gerund)).toEqual(["baking", "rolling", "planning", "dying", "gardening", "seeing"]);
    expect(["table", "cherry", "box", "potato", "leaf"].map(plural)).toEqual(["tables", "cherries", "boxes", "potatoes", "leaves"]);
    expect(["meeples", "cherries", "boxes", "chess", "dice"].map(singular)).toEqual(["meeple", "cherry", "box", "chess", "dice"]);
    expect([article("espresso"), article("hour"), article("unicorn"), article("meeple")]).toEqual(["an", "an", "a", "a"]);
    expect(titleCase("i'd rather be flipping the tables at JWST")).toBe("I'd Rather Be Flipping the Tables at JWST");
    expect(doubledWord("Snack and Snacks")).toBe("snack");
    expect(doubledWord("Eat. Sleep. Roll. Repeat.")).toBeNull();
  });
});
