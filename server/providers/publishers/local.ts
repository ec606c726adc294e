import { Prisma } from "@prisma/client";
import { db } from "../../db";
import { env } from "../../env";
import { AppError } from "../../errors";
import { storage } from "../storage";
import type { ListingPackage, Publisher, PublishResult } from "./types";
import { zazzleLinks } from "./zazzle";

export const packageKey = (listingId: string) => `packages/${listingId}/listing.json`;

/** "Cats & Dogs: 100% Fun!" → "cats-dogs-100-fun" (ASCII, ≤ 60 chars). */
export function slugify(title: string) {
  const s = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return s || "design";
}

/** Stable per listing: the title plus the listing id's tail, so re-runs keep the same URL. */
export const productSlug = (title: string, listingId: string) => `${slugify(title)}-${listingId.slice(-8).toLowerCase()}`;

/**
 * The storefront publisher: writes the whole listing package (copy, file keys and URLs, Zazzle
 * links when an associate id is configured) to storage and upserts the storefront Product row.
 */
export class LocalPublisher implements Publisher {
  readonly marketplace = "LOCAL" as const;
  constructor(private zazzleAssociateId?: string) {}

  async publish(pkg: ListingPackage): Promise<PublishResult> {
    const cover = pkg.mockups.find((m) => m.productType === "tee") ?? pkg.mockups[0] ?? pkg.printFiles[0];
    if (!cover) throw new AppError("UNPROCESSABLE", "This listing has no mockups or print files to show", { retryable: false });

    const document = {
      ...pkg,
      zazzleLinks: this.zazzleAssociateId ? zazzleLinks(pkg, this.zazzleAssociateId) : [],
      writtenAt: new Date().toISOString(),
    };
    await storage().put(packageKey(pkg.listingId), Buffer.from(JSON.stringify(document, null, 2)), "application/json");

    const data = { title: pkg.title, community: pkg.community, priceCents: pkg.priceCents, currency: pkg.currency, coverKey: cover.key };
    let product;
    try {
      product = await db.product.upsert({
        where: { listingId: pkg.listingId },
        create: { listingId: pkg.listingId, slug: productSlug(pkg.title, pkg.listingId), ...data },
        update: data,
      });
    } catch (e) {
      // Two runs racing on the same listing: the other one created the row first.
      if (!(e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")) throw e;
      product = await db.product.update({ where: { listingId: pkg.listingId }, data });
    }
    return { externalId: product.id, url: `${env().appUrl}/products/${product.slug}` };
  }
}
