import { describe, expect, it } from "vitest";
import { embedLocal, LOCAL_DIMS } from "../server/providers/embeddings/local";
import { tokenize } from "../server/providers/embeddings/text";
import { cosine } from "../server/services/scoring/vector";

const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

describe("local hashed TF-IDF embedding", () => {
  it("is deterministic and L2-normalised with fixed dimensions", () => {
    const a = embedLocal("My first mechanical keyboard build, lubed switches and all");
    expect(a).toHaveLength(LOCAL_DIMS);
    expect(embedLocal("My first mechanical keyboard build, lubed switches and all")).toEqual(a);
    expect(norm(a)).toBeCloseTo(1, 10);
    expect(a.filter((x) => x !== 0).length).toBeGreaterThan(5);
  });

  it("places similar texts closer than unrelated ones", () => {
    const a = embedLocal("mechanical keyboard with tactile switches");
    const b = embedLocal("my new mechanical keyboard switches are tactile and loud");
    const c = embedLocal("sourdough bread recipe with a crispy crust");
    expect(cosine(a, b)).toBeGreaterThan(0.5);
    expect(cosine(a, b)).toBeGreaterThan(cosine(a, c) + 0.4);
  });

  it("uses bigrams: word order changes the vector", () => {
    expect(cosine(embedLocal("dog bites man"), embedLocal("man bites dog"))).toBeLessThan(0.999);
  });

  it("weighs rare words above common ones (idf)", () => {
    const base = embedLocal("really synthesizer");
    expect(cosine(base, embedLocal("synthesizer"))).toBeGreaterThan(cosine(base, embedLocal("really")));
  });

  it("gives an all-zero vector for text with no words", () => {
    expect(norm(embedLocal("the and of !!"))).toBe(0);
    expect(tokenize("The cat's toys & THE dog")).toEqual(["cats", "toys", "dog"]);
  });
});
