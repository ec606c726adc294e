import { describe, expect, it } from "vitest";
import { contrast, paletteFromTheme, paletteHex } from "../server/providers/images/palette";
import { buildListingCopy, buildTags, buildTitle } from "../server/services/design/listing-copy";
import { artBoxes, PRODUCT_SPECS, PRODUCT_TYPES, productTypesOf } from "../server/services/design/products";

const THEMES = ["programmer humor", "gaming", "coffee lovers", "hiking", "cat people", "surfing", "pop culture", "ramen", "plant parents", "space nerds", "a", "Ünïcode thème ✨"];

describe("palette", () => {
  it("is deterministic per theme and differs between themes", () => {
    expect(paletteFromTheme("gaming")).toEqual(paletteFromTheme("gaming"));
    expect(paletteFromTheme("  Gaming ")).toEqual(paletteFromTheme("gaming"));
    const distinct = new Set(THEMES.map((t) => paletteFromTheme(t).primary));
    expect(distinct.size).toBeGreaterThan(THEMES.length - 2);
  });

  it("stores five hex colours and keeps every colour readable against the ink outline", () => {
    for (const t of THEMES) {
      const p = paletteFromTheme(t);
      const hex = paletteHex(p);
      expect(hex).toHaveLength(5);
      for (const c of hex) expect(c).toMatch(/^#[0-9a-f]{6}$/);
      expect(contrast(p.paper, p.ink), t).toBeGreaterThanOrEqual(12);
      expect(contrast(p.primary, p.ink), t).toBeGreaterThanOrEqual(3.5);
      expect(contrast(p.secondary, p.ink), t).toBeGreaterThanOrEqual(3.5);
      expect(contrast(p.accent, p.ink), t).toBeGreaterThanOrEqual(6);
    }
  });

  it("computes WCAG contrast", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#777777", "#777777")).toBeCloseTo(1, 5);
  });
});

describe("listing copy", () => {
  const long = {
    title: "When the senior dev says it works on my machine and ships the whole machine to production",
    theme: "programmer humor and existential dread",
    keywords: ["docker", "devops", "containers", "it works on my machine", "deploy"],
    community: "ProgrammerHumor",
    productTypes: ["tee", "poster", "mug", "sticker"] as const,
  };

  it("keeps titles within 80 characters, on a word boundary", () => {
    const t = buildTitle({ ...long, productTypes: [...long.productTypes] });
    expect(t.length).toBeLessThanOrEqual(80);
    expect(long.title.toLowerCase().startsWith(t.toLowerCase().replace(/\s+\S*$/, ""))).toBe(true);
    expect(buildTitle({ title: "debug mode", theme: "coding", productTypes: ["tee"] })).toBe("Debug Mode – Coding T-Shirt");
  });

  it("always gives exactly 13 unique lowercase tags of at most 20 characters", () => {
    const cases = [
      { ...long, productTypes: [...long.productTypes] },
      { title: "Hi", theme: "x", productTypes: ["sticker" as const] },
      { title: "Cat", theme: "cat", keywords: ["cat", "cat", "CAT", "cats!!"], community: "cats", productTypes: ["mug" as const] },
    ];
    for (const c of cases) {
      const tags = buildTags(c);
      expect(tags).toHaveLength(13);
      expect(new Set(tags).size).toBe(13);
      for (const t of tags) {
        expect(t.length).toBeLessThanOrEqual(20);
        expect(t).toBe(t.toLowerCase());
        expect(t).toMatch(/^[a-z0-9 ]+$/);
      }
    }
    const tags = buildTags(cases[0]);
    expect(tags).toContain("programmerhumor");
    expect(tags).toContain("docker");
    expect(tags).toContain("graphic tee");
  });

  it("writes 3–5 bullets, a description and the lowest included price in usd", () => {
    const copy = buildListingCopy({ ...long, productTypes: ["tee", "mug"] });
    expect(copy.bullets.length).toBeGreaterThanOrEqual(3);
    expect(copy.bullets.length).toBeLessThanOrEqual(5);
    expect(copy.description).toContain(copy.bullets[0]);
    expect(copy.priceCents).toBe(1600);
    expect(copy.currency).toBe("usd");
    expect(buildListingCopy({ title: "x", theme: "y", productTypes: ["poster"] }).priceCents).toBe(1800);
  });
});

describe("product specs", () => {
  it("has the print sizes the print-on-demand shops ask for, all at 300 DPI", () => {
    const sizes = Object.fromEntries(PRODUCT_TYPES.map((t) => [t, [PRODUCT_SPECS[t].width, PRODUCT_SPECS[t].height, PRODUCT_SPECS[t].dpi]]));
    expect(sizes).toEqual({ tee: [4500, 5400, 300], poster: [5400, 7200, 300], mug: [2700, 1050, 300], sticker: [3000, 3000, 300] });
  });

  it("keeps the idea's known product types and falls back to tee + sticker", () => {
    expect(productTypesOf(["Mug", "hoodie", "tee"])).toEqual(["tee", "mug"]);
    expect(productTypesOf([])).toEqual(["tee", "sticker"]);
    expect(productTypesOf(null)).toEqual(["tee", "sticker"]);
  });

  it("places the art inside the margins (twice on a mug, from the collar on a tee)", () => {
    for (const t of PRODUCT_TYPES) {
      const spec = PRODUCT_SPECS[t];
      const boxes = artBoxes(spec, 2400, 2400);
      expect(boxes).toHaveLength(spec.copies);
      const m = Math.round(Math.min(spec.width, spec.height) * spec.margin);
      for (const b of boxes) {
        expect(b.left).toBeGreaterThanOrEqual(m);
        expect(b.top).toBeGreaterThanOrEqual(m);
        expect(b.left + b.width).toBeLessThanOrEqual(spec.width - m);
        expect(b.top + b.height).toBeLessThanOrEqual(spec.height - m);
        expect(b.width).toBe(b.height);
      }
    }
    expect(artBoxes(PRODUCT_SPECS.tee, 2400, 2400)[0].top).toBe(Math.round(4500 * 0.04));
    const [a, b] = artBoxes(PRODUCT_SPECS.mug, 2400, 2400);
    expect(b.left).toBeGreaterThan(a.left + a.width);
  });
});
