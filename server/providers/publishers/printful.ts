import { z } from "zod";
import { AppError } from "../../errors";
import { PrintfulClient, type PrintfulClientOptions } from "./printful-client";
import { PRINTFUL_VARIANTS } from "./printful-variants";
import type { ListingPackage, Publisher, PublishResult } from "./types";

const ZFile = z.object({ id: z.number(), url: z.string().nullish() });
const ZSyncProduct = z.object({ id: z.number(), external_id: z.string().nullish(), name: z.string() });
const ZSyncProductWithVariants = z.object({ sync_product: ZSyncProduct, sync_variants: z.array(z.object({ id: z.number() })).optional() });

const cents = (c: number) => (c / 100).toFixed(2);
/** The sync variant's external_id: orders name their items by it (external_variant_id). */
export const printfulSyncVariantExternalId = (listingId: string, printfulVariantId: number) => `${listingId}-${printfulVariantId}`;

export const printfulDashboardUrl = (id: number) => `https://www.printful.com/dashboard/sync/update?id=${id}`;

/**
 * Printful sync product per listing, idempotent by external_id (= listing id): an existing product
 * is returned as is; otherwise the print files are uploaded and the product is created with one
 * sync variant per catalog variant of each product type (see printful-variants.ts).
 */
export class PrintfulPublisher implements Publisher {
  readonly marketplace = "PRINTFUL" as const;
  private api: PrintfulClient;
  constructor(opts: PrintfulClientOptions) {
    this.api = new PrintfulClient(opts);
  }

  async publish(pkg: ListingPackage): Promise<PublishResult> {
    const externalId = pkg.listingId;
    const existing = await this.api.request("GET", `/store/products/@${encodeURIComponent(externalId)}`, ZSyncProductWithVariants, { allow404: true });
    if (existing) return { externalId: String(existing.sync_product.id), url: printfulDashboardUrl(existing.sync_product.id) };

    const printable = pkg.printFiles.filter((f) => PRINTFUL_VARIANTS[f.productType] || pkg.variants?.some((v) => v.productType === f.productType));
    if (!printable.length) {
      throw new AppError("UNPROCESSABLE", `No Printful variants for any of this listing's product types (${pkg.productTypes.join(", ") || "none"})`, { retryable: false });
    }
    const syncVariants = [];
    for (const file of printable) {
      const uploaded = await this.api.request("POST", "/files", ZFile, { body: { url: file.url, filename: `${pkg.listingId}-${file.productType}.png` } });
      // The shop's catalogue when it has variants for this type (prices as the shop charges them),
      // else the built-in Printful variants priced from the listing.
      const fromCatalogue = (pkg.variants ?? []).filter((v) => v.productType === file.productType).map((v) => ({ variantId: v.printfulVariantId, priceCents: v.retailCents }));
      const variants = fromCatalogue.length ? fromCatalogue : (PRINTFUL_VARIANTS[file.productType]?.variants ?? []).map((v) => ({ variantId: v.variantId, priceCents: pkg.priceCents + v.extraCents }));
      for (const v of variants) {
        syncVariants.push({
          external_id: printfulSyncVariantExternalId(pkg.listingId, v.variantId),
          variant_id: v.variantId,
          retail_price: cents(v.priceCents),
          files: [{ id: uploaded!.id, type: "default" }],
        });
      }
    }
    const thumbnail = (pkg.mockups.find((m) => m.productType === "tee") ?? pkg.mockups[0])?.url;
    const created = await this.api.request("POST", "/store/products", ZSyncProduct, {
      body: { sync_product: { external_id: externalId, name: pkg.title, ...(thumbnail ? { thumbnail } : {}) }, sync_variants: syncVariants },
    });
    return { externalId: String(created!.id), url: printfulDashboardUrl(created!.id) };
  }
}
