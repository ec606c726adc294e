import type { Marketplace } from "@prisma/client";
import { env } from "../../env";
import { AppError } from "../../errors";
import { LocalPublisher } from "./local";
import { PrintfulPublisher } from "./printful";
import type { Publisher, PublisherName } from "./types";
import { ZazzlePublisher } from "./zazzle";

export type { ListingPackage, Publisher, PublishResult } from "./types";

export const marketplaceOf: Record<PublisherName, Marketplace> = { local: "LOCAL", zazzle: "ZAZZLE", printful: "PRINTFUL" };

/** Marketplaces configured by PUBLISHERS (default: the storefront only). */
export function configuredMarketplaces(): Marketplace[] {
  return env().providers.publishers.map((p) => marketplaceOf[p]);
}

/** The publisher for one marketplace, built from the current env. */
export function publisherFor(marketplace: Marketplace): Publisher {
  const e = env();
  switch (marketplace) {
    case "LOCAL":
      return new LocalPublisher(e.ZAZZLE_ASSOCIATE_ID);
    case "ZAZZLE":
      if (!e.ZAZZLE_ASSOCIATE_ID) throw new AppError("PRECONDITION_FAILED", "ZAZZLE_ASSOCIATE_ID is not set: Zazzle links need an associate id", { retryable: false });
      return new ZazzlePublisher(e.ZAZZLE_ASSOCIATE_ID);
    case "PRINTFUL":
      if (!e.PRINTFUL_API_KEY) throw new AppError("PRECONDITION_FAILED", "PRINTFUL_API_KEY is not set: Printful publishing needs an API key", { retryable: false });
      return new PrintfulPublisher({ baseUrl: e.PRINTFUL_BASE_URL, apiKey: e.PRINTFUL_API_KEY, storeId: e.PRINTFUL_STORE_ID });
  }
}
