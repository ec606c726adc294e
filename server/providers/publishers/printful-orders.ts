import { z } from "zod";
import { PrintfulClient, type PrintfulClientOptions } from "./printful-client";

// Printful's orders API (GET /orders, paged by offset/limit): what sold and what Printful charged.
// Amounts arrive as decimal strings in the order's currency.

const money = z.union([z.string(), z.number()]).nullish();
export const ZPrintfulOrder = z.object({
  id: z.number(),
  external_id: z.string().nullish(),
  status: z.string(),
  created: z.number(), // unix seconds
  items: z.array(
    z.object({
      id: z.number(),
      external_id: z.string().nullish(), // our sync variant id: <listingId>-<variantId>
      quantity: z.number().int(),
      retail_price: money,
      price: money,
    }),
  ),
  costs: z.object({ currency: z.string().default("USD"), subtotal: money, shipping: money }).partial().nullish(),
  retail_costs: z.object({ currency: z.string().nullish(), total: money }).partial().nullish(),
});
export type PrintfulOrder = z.infer<typeof ZPrintfulOrder>;

export const PRINTFUL_ORDERS_PAGE = 100;

/** Every order since `since` (newest first, the API's order), page by page. */
export async function fetchPrintfulOrders(opts: PrintfulClientOptions, since?: Date): Promise<PrintfulOrder[]> {
  const client = new PrintfulClient(opts);
  const out: PrintfulOrder[] = [];
  for (let offset = 0; ; offset += PRINTFUL_ORDERS_PAGE) {
    const page = (await client.request("GET", `/orders?offset=${offset}&limit=${PRINTFUL_ORDERS_PAGE}`, z.array(ZPrintfulOrder))) ?? [];
    let older = false;
    for (const o of page) {
      if (since && o.created * 1000 < since.getTime()) older = true;
      else out.push(o);
    }
    if (page.length < PRINTFUL_ORDERS_PAGE || older) return out;
  }
}
