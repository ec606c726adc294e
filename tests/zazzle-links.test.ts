import { describe, expect, it } from "vitest";
import { ZazzlePublisher, zazzleLink, zazzleLinks } from "../server/providers/publishers/zazzle";
import { ZAZZLE_TEMPLATES } from "../server/providers/publishers/zazzle-templates";
import type { ListingPackage } from "../server/providers/publishers/types";

const printUrl = (t: string) => `https://shop.example.test/api/files/designs/d1/print-${t}.png?v=1&x=a b`;
const pkg: ListingPackage = {
  listingId: "lst1",
  title: "T",
  description: "",
  bullets: [],
  tags: [],
  priceCents: 2000,
  currency: "usd",
  community: null,
  productTypes: ["mug", "tee"],
  printFiles: ["mug", "tee"].map((t) => ({ productType: t, key: `designs/d1/print-${t}.png`, url: printUrl(t) })),
  mockups: [],
  trackingCode: "ml-lst1",
};

describe("Zazzle create-a-product links", () => {
  it("builds the link with associate, template, encoded image URL and tracking code", () => {
    const link = zazzleLink({ associateId: "238123", templateId: "235310963432713455", imageUrl: printUrl("tee"), trackingCode: "ml-lst1" });
    const u = new URL(link);
    expect(`${u.origin}${u.pathname}`).toBe("https://www.zazzle.com/api/create/at-238123");
    expect(u.searchParams.get("rf")).toBe("238123");
    expect(u.searchParams.get("ax")).toBe("Linkover");
    expect(u.searchParams.get("pd")).toBe("235310963432713455");
    expect(u.searchParams.get("fwd")).toBe("ProductPage");
    expect(u.searchParams.get("ed")).toBe("true");
    expect(u.searchParams.get("t_image1_url")).toBe(printUrl("tee"));
    expect(u.searchParams.get("tc")).toBe("ml-lst1");
    // The image URL's own query must not leak into Zazzle's parameters.
    expect(link).toContain(`t_image1_url=${encodeURIComponent(printUrl("tee"))}`);
    expect(u.searchParams.has("v")).toBe(false);
  });

  it("makes one link per product type with a template, tee first, and publishes the tee link", async () => {
    const links = zazzleLinks(pkg, "238123");
    expect(links.map((l) => l.productType)).toEqual(["tee", "mug"]);
    expect(new URL(links[1].url).searchParams.get("pd")).toBe(ZAZZLE_TEMPLATES.mug.templateId);
    const out = await new ZazzlePublisher("238123").publish(pkg);
    expect(out).toEqual({ externalId: "ml-lst1", url: links[0].url });
  });

  it("refuses a listing with no Zazzle product type", async () => {
    await expect(new ZazzlePublisher("238123").publish({ ...pkg, productTypes: ["hoodie"], printFiles: [{ productType: "hoodie", key: "k.png", url: "https://x.test/k.png" }] })).rejects.toThrow(/No Zazzle template/);
  });
});
