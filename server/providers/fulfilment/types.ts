// The fulfilment provider: a print shop that receives paid orders, prints, ships and reports back
// (Printful's orders API live; a local print shop offline). Amounts are integer cents.

export type FulfilmentRecipient = {
  name: string;
  email: string;
  address1: string;
  address2?: string;
  city: string;
  stateCode?: string;
  countryCode: string;
  zip: string;
};

export type FulfilmentItem = {
  /** Printful: the sync variant's external_id (<listingId>-<catalog variant id>). */
  externalVariantId: string;
  quantity: number;
  retailCents: number;
  name: string;
  /** Where the print file can be fetched (the local print shop lists it on the packing slip). */
  printFileUrl?: string;
};

export type SubmitFulfilmentInput = {
  /** Our order id: the provider's external_id, so a repeated submit finds the same order. */
  externalId: string;
  recipient: FulfilmentRecipient;
  items: FulfilmentItem[];
  shippingRate: string; // standard | express
  currency: string;
  retailCosts: { subtotalCents: number; shippingCents: number; taxCents: number };
};

/** `created` is false when the order already existed at the provider (a re-run). */
export type FulfilmentOrder = { id: string; status: string; created: boolean };

export interface FulfilmentProvider {
  readonly name: "local" | "printful";
  /** Creates (or finds, by external id) the order and confirms it for production. */
  submitOrder(input: SubmitFulfilmentInput): Promise<FulfilmentOrder>;
}
