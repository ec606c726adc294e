import { describe, expect, it } from "vitest";
import { productSlug, slugify } from "../server/providers/publishers/local";

describe("storefront slugs", () => {
  it("turns titles into short ASCII slugs", () => {
    expect(slugify("Cats & Dogs: 100% Fun!")).toBe("cats-dogs-100-fun");
    expect(slugify("Crème Brûlée Énergie")).toBe("creme-brulee-energie");
    expect(slugify("!!!")).toBe("design");
    expect(slugify("a".repeat(100)).length).toBeLessThanOrEqual(60);
  });

  it("is stable per listing and unique across listings with the same title", () => {
    expect(productSlug("Cat Loaf", "clx0000000000abcdefgh")).toBe("cat-loaf-abcdefgh");
    expect(productSlug("Cat Loaf", "clx0000000000abcdefgh")).toBe(productSlug("Cat Loaf", "clx0000000000abcdefgh"));
    expect(productSlug("Cat Loaf", "clx0000000000zzzzzzzz")).not.toBe(productSlug("Cat Loaf", "clx0000000000abcdefgh"));
  });
});
