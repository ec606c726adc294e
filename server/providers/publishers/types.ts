import type { Marketplace } from "@prisma/client";

export type PublisherName = "local" | "zazzle" | "printful";

/** One print-ready file (or mockup) of a listing, with the URL a marketplace can fetch it from. */
export type PackageFile = { productType: string; key: string; url: string };

/** Everything a marketplace needs to list one design: copy, product types, files, tracking code. */
export type ListingPackage = {
  listingId: string;
  title: string;
  description: string;
  bullets: string[];
  tags: string[];
  priceCents: number;
  currency: string;
  community: string | null;
  productTypes: string[];
  printFiles: PackageFile[];
  mockups: PackageFile[];
  /** Appears in marketplace referral reports so sales trace back to this listing. */
  trackingCode: string;
  /** The shop's catalogue variants with a Printful catalog id (Printful sync variants are made from these). */
  variants?: Array<{ productType: string; printfulVariantId: number; retailCents: number }>;
};

export type PublishResult = {
  externalId: string;
  /** Where the listing lives on the marketplace (null when it has no public page). */
  url: string | null;
};

export interface Publisher {
  readonly marketplace: Marketplace;
  publish(pkg: ListingPackage): Promise<PublishResult>;
}

export const trackingCodeFor = (listingId: string) => `ml-${listingId}`;
