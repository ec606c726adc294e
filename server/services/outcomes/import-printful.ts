import { db } from "../../db";
import { env } from "../../env";
import { AppError } from "../../errors";
import { fetchPrintfulOrders, type PrintfulOrder } from "../../providers/publishers/printful-orders";
import { parseCents } from "./import-csv";
import { attributionFor, recordOutcomes, type OutcomeInput } from "./record-outcomes";
import { recordCost } from "../costs/record-cost";

const SKIP_STATUSES = new Set(["draft", "failed", "canceled", "archived"]);
const cents = (v: string | number | null | undefined) => (v === null || v === undefined ? null : parseCents(String(v)));

/** Our listing id from a sync variant's external_id (`<listingId>-<variantId>`) or an ml- code. */
export const listingOfItem = (externalId: string | null | undefined) => (externalId ? externalId.replace(/^ml-/, "").split("-")[0] : null);

/**
 * Imports sales from Printful's orders API: one PURCHASE event per order line of our listings, and
 * the base cost and shipping Printful charged as two cost rows (paid spend: it fulfils an order).
 * Keys are the Printful order and item ids, so running it again adds nothing.
 */
export async function importPrintfulOrders(opts: { since?: Date; by?: string } = {}) {
  const e = env();
  if (!e.PRINTFUL_API_KEY) throw new AppError("PRECONDITION_FAILED", "PRINTFUL_API_KEY is not set: there is no Printful account to import orders from");
  const orders = await fetchPrintfulOrders({ baseUrl: e.PRINTFUL_BASE_URL, apiKey: e.PRINTFUL_API_KEY, storeId: e.PRINTFUL_STORE_ID }, opts.since);
  return storePrintfulOrders(orders, opts.by);
}

export async function storePrintfulOrders(orders: PrintfulOrder[], by?: string) {
  const live = orders.filter((o) => !SKIP_STATUSES.has(o.status));
  const attribution = await attributionFor(live.flatMap((o) => o.items.map((i) => listingOfItem(i.external_id) ?? "")));
  const events: OutcomeInput[] = [];
  let costs = 0;
  for (const o of live) {
    const orderId = `printful:${o.id}`;
    const occurredAt = new Date(o.created * 1000);
    const ours = o.items.filter((i) => attribution.has(listingOfItem(i.external_id) ?? ""));
    if (!ours.length) continue;
    for (const i of ours) {
      const unit = cents(i.retail_price) ?? 0;
      events.push({ kind: "PURCHASE", source: "PRINTFUL", marketplace: "PRINTFUL", occurredAt, listingId: listingOfItem(i.external_id), orderId, quantity: i.quantity, revenueCents: unit * i.quantity, currency: (o.retail_costs?.currency ?? o.costs?.currency ?? "usd").toLowerCase(), dedupeKey: `printful:${o.id}:${i.id}` });
    }
    const first = attribution.get(listingOfItem(ours[0].external_id)!)!;
    const attr = { orderId, listingId: listingOfItem(ours[0].external_id), ideaId: first.ideaId, designId: first.designId, signalId: first.signalId, community: first.community, paid: true, occurredAt };
    const base = cents(o.costs?.subtotal);
    const shipping = cents(o.costs?.shipping);
    if (base !== null && base > 0) {
      await recordCost({ ...attr, provider: "printful", operation: "base_cost", priceBase: "printful:base_cost", units: { cent: base }, dedupeKey: `printful:${o.id}:base_cost` });
      costs++;
    }
    if (shipping !== null && shipping > 0) {
      await recordCost({ ...attr, provider: "printful", operation: "shipping", priceBase: "printful:shipping", units: { cent: shipping }, dedupeKey: `printful:${o.id}:shipping` });
      costs++;
    }
  }
  const added = await recordOutcomes(events);
  await db.auditLog.create({ data: { actorId: by, action: "outcomes.import", entityType: "printful", data: { orders: orders.length, events: events.length, added } } });
  return { orders: orders.length, lines: events.length, added, costRows: costs };
}
