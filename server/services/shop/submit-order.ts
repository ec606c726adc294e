import { db } from "../../db";
import { AppError, isAppError } from "../../errors";
import { log } from "../../log";
import { fulfilment } from "../../providers/fulfilment";
import { printfulSyncVariantExternalId } from "../../providers/publishers/printful";
import { storage } from "../../providers/storage";
import { enqueueSubmission, type Address } from "./mark-order-paid";
import { notifyOrder } from "./notify-order";
import { recordOrderEvent, transitionOrder } from "./order-state";

/** An order's problem while a design of its items has no print files yet (it goes on by itself). */
export const WAITING_FOR_PRINT_FILES = "waiting for its print files";

/**
 * Sends one paid order to the print shop (the `fulfilment` queue). Safe to run twice and after a
 * crash: the provider finds the order by its external_id (= our order id) instead of making a
 * second one. An outage (429, 5xx, network) rethrows so the queue retries with backoff; a refusal
 * (e.g. an address the provider rejects) puts the order ON_HOLD with the reason, shown to the
 * shopper and the admin, who can fix and resubmit or refund it. An order for a product whose
 * design's print files are not all made yet waits (see WAITING_FOR_PRINT_FILES).
 */
export async function submitOrder(orderId: string) {
  const o = await db.order.findUnique({
    where: { id: orderId },
    include: {
      items: {
        orderBy: { createdAt: "asc" },
        include: {
          productVariant: {
            select: {
              catalogVariant: { select: { printfulVariantId: true } },
              product: { select: { listingId: true, listing: { select: { design: { select: { id: true, status: true, files: { where: { kind: "PRINT" }, select: { productType: true, storageKey: true } } } } } } } },
            },
          },
        },
      },
    },
  });
  if (!o) throw new AppError("NOT_FOUND", `Order ${orderId} does not exist`, { retryable: false });
  if (o.status !== "PAID" && o.status !== "ON_HOLD") return { outcome: `already ${o.status.toLowerCase()}` };
  await db.order.update({ where: { id: o.id }, data: { submitAttempts: { increment: 1 } } });

  const a = o.shippingAddress as Address | null;
  const hold = async (problem: string) => {
    await db.order.updateMany({ where: { id: o.id, status: { in: ["PAID", "ON_HOLD"] } }, data: { status: "ON_HOLD", problem } });
    await recordOrderEvent(o.id, { type: "on_hold", message: `On hold: ${problem}`, dedupeKey: `on_hold:${o.submitAttempts + 1}` });
    await notifyOrder(o.id, "problem");
    return { outcome: "on hold", problem };
  };
  if (!a?.line1 || !a.city || !a.postal_code || !a.country) return hold("the shipping address is incomplete");

  // Nothing goes to the print shop without its print files. A commission's product is on sale from
  // its design's preview, before they exist: the order stays as it is (PAID) and the design's
  // print-files job hands it on when they are all made (design/release-held-work.ts).
  const designs = o.items.map((i) => i.productVariant.product.listing.design);
  const waiting = [...new Set(designs.filter((d) => d.status !== "DONE").map((d) => d.id))];
  if (waiting.length) {
    await db.order.updateMany({ where: { id: o.id, status: { in: ["PAID", "ON_HOLD"] } }, data: { problem: WAITING_FOR_PRINT_FILES } });
    await recordOrderEvent(o.id, { type: "waiting", message: "Waiting for the print files before it goes to the print shop", dedupeKey: "waiting_print_files" });
    return { outcome: WAITING_FOR_PRINT_FILES, designs: waiting };
  }
  const fileFor = (i: (typeof o.items)[number]) => i.productVariant.product.listing.design.files.find((f) => f.productType === i.productType);
  const missing = o.items.find((i) => !fileFor(i));
  if (missing) return hold(`the design has no print file for the ${missing.productType}`);

  const provider = fulfilment();
  let result;
  try {
    result = await provider.submitOrder({
      externalId: o.id,
      recipient: { name: o.shippingName ?? o.email, email: o.email, address1: a.line1, address2: a.line2 ?? undefined, city: a.city, stateCode: a.state ?? undefined, countryCode: a.country, zip: a.postal_code },
      items: o.items.map((i) => {
        const pv = i.productVariant;
        const file = fileFor(i)!;
        return {
          externalVariantId: printfulSyncVariantExternalId(pv.product.listingId, pv.catalogVariant.printfulVariantId ?? 0),
          quantity: i.quantity,
          retailCents: i.unitCents,
          name: `${i.title} (${i.colour}, ${i.size})`,
          printFileUrl: storage().publicUrl(file.storageKey),
        };
      }),
      shippingRate: o.shippingRate ?? "standard",
      currency: o.currency,
      retailCosts: { subtotalCents: o.itemsCents, shippingCents: o.shippingCents, taxCents: o.taxCents },
    });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (isAppError(err) && err.details?.retryable === false) return hold(message);
    await db.order.update({ where: { id: o.id }, data: { problem: `waiting for the print shop: ${message.slice(0, 500)}` } });
    log.warn({ orderId: o.id, err: message }, "order submission failed; the queue retries");
    throw err;
  }
  const data = { fulfilmentProvider: provider.name, fulfilmentId: result.id, fulfilmentStatus: result.status, submittedAt: new Date(), problem: null };
  if (!(await transitionOrder(o.id, "SUBMITTED", data, db, { status: { in: ["PAID", "ON_HOLD"] } }))) {
    // A webhook moved it on first (events arrive in any order): keep its status, record the id.
    await db.order.updateMany({ where: { id: o.id, fulfilmentId: null }, data: { fulfilmentProvider: provider.name, fulfilmentId: result.id, submittedAt: new Date() } });
  }
  await recordOrderEvent(o.id, { type: "submitted", message: `Sent to the print shop (${provider.name} order ${result.id})`, dedupeKey: `submitted:${result.id}` });
  return { outcome: result.created ? "submitted" : "found existing provider order", fulfilmentId: result.id };
}

/** Admin: send an on-hold (or stuck paid) order to the print shop again. */
export async function resubmitOrder(orderId: string, by?: string) {
  const o = await db.order.findUnique({ where: { id: orderId }, select: { status: true, submitAttempts: true } });
  if (!o) throw new AppError("NOT_FOUND", "No such order");
  if (o.status !== "ON_HOLD" && o.status !== "PAID") throw new AppError("CONFLICT", `A ${o.status.toLowerCase().replaceAll("_", " ")} order can't be resubmitted`);
  await db.auditLog.create({ data: { actorId: by, action: "order.resubmit", entityType: "order", entityId: orderId } });
  await enqueueSubmission(orderId, `${orderId}-resubmit-${o.submitAttempts}`);
  return { ok: true };
}

/** Admin: correct the shipping address of an order the print shop refused (then resubmit it). */
export async function updateShippingAddress(orderId: string, shipping: { name: string; address: Address }, by?: string) {
  const o = await db.order.findUnique({ where: { id: orderId }, select: { status: true, shippingName: true, shippingAddress: true } });
  if (!o) throw new AppError("NOT_FOUND", "No such order");
  if (o.status !== "ON_HOLD" && o.status !== "PAID") throw new AppError("CONFLICT", "Only an order that has not reached the print shop can get a new address");
  await db.$transaction([
    db.order.update({ where: { id: orderId }, data: { shippingName: shipping.name, shippingAddress: shipping.address } }),
    db.auditLog.create({ data: { actorId: by, action: "order.address", entityType: "order", entityId: orderId, data: { before: { name: o.shippingName, address: o.shippingAddress }, after: shipping } } }),
  ]);
  await recordOrderEvent(orderId, { type: "address_updated", message: "Shipping address corrected" });
  return { ok: true };
}
