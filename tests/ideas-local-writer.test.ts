import { describe, expect, it } from "vitest";
import { keyPhrase, writeLocalIdea } from "../server/providers/ideas/local";
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

describe("local grammar idea writer", () => {
  it("returns a draft valid under the shared zod schema", () => {
    const d = writeLocalIdea(post());
    expect(ZIdeaDraft.safeParse(d).success).toBe(true);
    expect(d.title.length).toBeLessThanOrEqual(60);
  });

  it("uses the post's keywords in the slogan and the image prompt", () => {
    const d = writeLocalIdea(post());
    expect(keyPhrase(post()).phrase).toBe("mechanical keyboard");
    expect(d.title).toContain("Mechanical Keyboard");
    expect(d.imagePrompt).toContain("mechanical keyboard");
    expect(d.imagePrompt).toContain(`"${d.title}"`);
    expect(d.imagePrompt).toMatch(/palette/);
  });

  it("derives the theme from the community and follows the subreddit's style hint", () => {
    const d = writeLocalIdea(post({ style: "vaporwave neon grid" }));
    expect(d.theme).toMatch(/desk setups$/);
    expect(d.imagePrompt).toContain("vaporwave neon grid style");
    expect(writeLocalIdea(post({ community: "cozygamers", keywords: ["lantern"], title: "My lantern" })).theme).toMatch(/gaming$/);
  });

  it("is deterministic per signal id and varies across signals", () => {
    expect(writeLocalIdea(post())).toEqual(writeLocalIdea(post()));
    const many = new Set(Array.from({ length: 20 }, (_, i) => writeLocalIdea(post({ signalId: `sig-${i}` })).title));
    expect(many.size).toBeGreaterThan(5);
  });

  it("keeps forced product types and falls back to title words without keywords", () => {
    const d = writeLocalIdea(post({ productTypes: ["mug"], keywords: [], title: "Astronaut photographed nebula" }));
    expect(d.productTypes).toEqual(["mug"]);
    expect(d.title.toLowerCase()).toMatch(/photographed|astronaut|nebula/);
  });

  it("keeps slogans within 60 characters for very long keywords", () => {
    const d = writeLocalIdea(post({ keywords: ["supercalifragilisticexpialidociousness", "antidisestablishmentarianism"] }));
    expect(d.title.length).toBeLessThanOrEqual(60);
    expect(ZIdeaDraft.safeParse(d).success).toBe(true);
  });

  it("keeps acronyms the post wrote in capitals", () => {
    const d = writeLocalIdea(post({ community: "space", title: "JWST captures the Pillars of Creation", keywords: ["jwst", "pillars"] }));
    expect(d.title).toContain("JWST");
  });
});
