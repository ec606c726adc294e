import { z } from "zod";
import { AppError, isAppError } from "../../errors";
import { PrintfulClient, type PrintfulClientOptions } from "../publishers/printful-client";
import type { FulfilmentOrder, FulfilmentProvider, SubmitFulfilmentInput } from "./types";

// Printful's orders API (v1): POST /orders makes a draft named by external_id, POST
// /orders/{id}/confirm sends it to production. GET /orders/@<external_id> finds an order made by an
// earlier run, so an outage or a crash between the calls never creates a second order.
// 429 and 5xx are retried by the shared client (Retry-After honoured), as publishing does.

const ZOrder = z.object({ id: z.number(), external_id: z.string().nullish(), status: z.string() });

const dollars = (c: number) => (c / 100).toFixed(2);

export class PrintfulFulfilment implements FulfilmentProvider {
  readonly name = "printful" as const;
  private api: PrintfulClient;
  constructor(opts: PrintfulClientOptions) {
    this.api = new PrintfulClient(opts);
  }

  private find(externalId: string) {
    return this.api.request("GET", `/orders/@${encodeURIComponent(externalId)}`, ZOrder, { allow404: true });
  }

  private async confirm(id: number): Promise<FulfilmentOrder> {
    const confirmed = await this.api.request("POST", `/orders/${id}/confirm`, ZOrder);
    return { id: String(confirmed!.id), status: confirmed!.status, created: true };
  }

  async submitOrder(input: SubmitFulfilmentInput): Promise<FulfilmentOrder> {
    const existing = await this.find(input.externalId);
    if (existing) {
      if (existing.status === "draft") return { ...(await this.confirm(existing.id)), created: false };
      return { id: String(existing.id), status: existing.status, created: false };
    }
    const r = input.recipient;
    const body = {
      external_id: input.externalId,
      shipping: input.shippingRate === "express" ? "EXPRESS" : "STANDARD",
      recipient: { name: r.name, email: r.email, address1: r.address1, address2: r.address2 ?? undefined, city: r.city, state_code: r.stateCode ?? undefined, country_code: r.countryCode, zip: r.zip },
      items: input.items.map((i) => ({ external_variant_id: i.externalVariantId, quantity: i.quantity, retail_price: dollars(i.retailCents), name: i.name })),
      retail_costs: { currency: input.currency.toUpperCase(), subtotal: dollars(input.retailCosts.subtotalCents), shipping: dollars(input.retailCosts.shippingCents), tax: dollars(input.retailCosts.taxCents) },
    };
    let created;
    try {
      created = await this.api.request("POST", "/orders", ZOrder, { body });
    } catch (err) {
      // A run that crashed after Printful made the order but before we saw the answer: it exists now.
      if (isAppError(err) && err.details?.status === 400) {
        const again = await this.find(input.externalId);
        if (again) return again.status === "draft" ? { ...(await this.confirm(again.id)), created: false } : { id: String(again.id), status: again.status, created: false };
      }
      throw err;
    }
    if (!created) throw new AppError("UPSTREAM", "Printful created no order", { retryable: true });
    return this.confirm(created.id);
  }
}
