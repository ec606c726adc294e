import { AppError } from "../../errors";
import type { ListingPackage, Publisher, PublishResult } from "./types";
import { ZAZZLE_TEMPLATES } from "./zazzle-templates";

export type ZazzleLink = { productType: string; label: string; url: string };

/**
 * Zazzle create-a-product links: opening one shows the product editor with our print file in the
 * template's image placeholder; `rf` credits the associate and `tc` tags the sale with the listing.
 */
export function zazzleLink(opts: { associateId: string; templateId: string; imageUrl: string; trackingCode: string }): string {
  const assoc = encodeURIComponent(opts.associateId);
  const params = [
    `rf=${assoc}`,
    "ax=Linkover",
    `pd=${encodeURIComponent(opts.templateId)}`,
    "fwd=ProductPage",
    "ed=true",
    `t_image1_url=${encodeURIComponent(opts.imageUrl)}`,
    `tc=${encodeURIComponent(opts.trackingCode)}`,
  ];
  return `https://www.zazzle.com/api/create/at-${assoc}?${params.join("&")}`;
}

/** One link per product type that has both a print file and a Zazzle template, tee first. */
export function zazzleLinks(pkg: ListingPackage, associateId: string): ZazzleLink[] {
  const order = (t: string) => (t === "tee" ? 0 : 1);
  return [...pkg.printFiles]
    .sort((a, b) => order(a.productType) - order(b.productType))
    .flatMap((f) => {
      const tpl = ZAZZLE_TEMPLATES[f.productType];
      if (!tpl) return [];
      return [{ productType: f.productType, label: tpl.label, url: zazzleLink({ associateId, templateId: tpl.templateId, imageUrl: f.url, trackingCode: pkg.trackingCode }) }];
    });
}

/** Publishing to Zazzle makes links, no API call: the listing is created when a buyer opens one. */
export class ZazzlePublisher implements Publisher {
  readonly marketplace = "ZAZZLE" as const;
  constructor(private associateId: string) {}

  async publish(pkg: ListingPackage): Promise<PublishResult> {
    const links = zazzleLinks(pkg, this.associateId);
    if (!links.length) throw new AppError("UNPROCESSABLE", `No Zazzle template for any of this listing's product types (${pkg.productTypes.join(", ") || "none"})`, { retryable: false });
    return { externalId: pkg.trackingCode, url: links[0].url };
  }
}
