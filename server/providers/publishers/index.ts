import type { Marketplace } from "@prisma/client";
import { env } from "../../env";
import { AppError } from "../../errors";
import { selectProvider } from "../select";
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

const publishers = selectProvider(
  (e) => `${e.ZAZZLE_ASSOCIATE_ID ?? ""}|${e.PRINTFUL_API_KEY ?? ""}|${e.PRINTFUL_BASE_URL}|${e.PRINTFUL_STORE_ID ?? ""}`,
  (e): Record<Marketplace, Publisher | string> => ({
    LOCAL: new LocalPublisher(e.ZAZZLE_ASSOCIATE_ID),
    ZAZZLE: e.ZAZZLE_ASSOCIATE_ID ? new ZazzlePublisher(e.ZAZZLE_ASSOCIATE_ID) : "ZAZZLE_ASSOCIATE_ID is not set: Zazzle links need an associate id",
    PRINTFUL: e.PRINTFUL_API_KEY
      ? new PrintfulPublisher({ baseUrl: e.PRINTFUL_BASE_URL, apiKey: e.PRINTFUL_API_KEY, storeId: e.PRINTFUL_STORE_ID })
      : "PRINTFUL_API_KEY is not set: Printful publishing needs an API key",
  }),
);

/** The publisher for one marketplace, built from the current env. */
export function publisherFor(marketplace: Marketplace): Publisher {
  const p = publishers()[marketplace];
  if (typeof p === "string") throw new AppError("PRECONDITION_FAILED", p, { retryable: false });
  return p;
}
