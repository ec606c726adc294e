import { createHmac } from "node:crypto";
import { db } from "../../db";
import { enqueue } from "../../queues/enqueue";
import { storage } from "../storage";
import { packingSlipPdf } from "./packing-slip";
import type { FulfilmentOrder, FulfilmentProvider, SubmitFulfilmentInput } from "./types";

// The local print shop: it really keeps its orders (local_fulfilment_orders, one per external id,
// like Printful) and moves each one received → in production → shipped → delivered with delayed
// `local-fulfilment` jobs, `stepSeconds` apart. At "shipped" it writes a tracking number and a
// packing slip PDF to storage. Every step is announced as a Printful-shaped webhook through the
// same handler /api/webhooks/printful uses.

export const LOCAL_STEPS = ["inprocess", "shipped", "delivered"] as const;
export type LocalStep = (typeof LOCAL_STEPS)[number];
const previous: Record<LocalStep, string> = { inprocess: "received", shipped: "inprocess", delivered: "shipped" };

export const packingSlipKey = (externalId: string) => `fulfilment/local/${externalId}/packing-slip.pdf`;

export function localFulfilment(stepSeconds: number): FulfilmentProvider {
  return {
    name: "local",
    async submitOrder(input: SubmitFulfilmentInput): Promise<FulfilmentOrder> {
      const r = await db.localFulfilmentOrder.createMany({
        data: [{ externalId: input.externalId, recipient: input.recipient, items: input.items }],
        skipDuplicates: true,
      });
      const row = await db.localFulfilmentOrder.findUniqueOrThrow({ where: { externalId: input.externalId } });
      // jobId per step: a re-run (crash, retry) adds nothing new.
      if (row.status === "received") await scheduleStep(input.externalId, "inprocess", stepSeconds);
      return { id: `lf_${row.id}`, status: row.status, created: r.count === 1 };
    },
  };
}

async function scheduleStep(externalId: string, step: LocalStep, stepSeconds: number) {
  await enqueue("local-fulfilment", { externalId, step }, { jobId: `lf-${externalId}-${step}`, delay: Math.round(stepSeconds * 1000) });
}

type Recipient = { name: string; address1: string; address2?: string; city: string; stateCode?: string; zip: string; countryCode: string };
type Item = { name: string; quantity: number };

/** A tracking number in the shape of a USPS one (22 digits), unique per order. */
const trackingNumberFor = (externalId: string) => `9400${BigInt(`0x${createHmac("sha256", "merchloop-local-tracking").update(externalId).digest("hex").slice(0, 15)}`).toString().padStart(18, "0").slice(0, 18)}`;

/**
 * One step of the local print shop (the `local-fulfilment` processor). Idempotent: the status only
 * moves from the step before; a re-run re-announces the step (the webhook records it once) and
 * schedules the next.
 */
export async function advanceLocalFulfilment(externalId: string, step: LocalStep, stepSeconds: number) {
  const row = await db.localFulfilmentOrder.findUnique({ where: { externalId } });
  if (!row) return { outcome: "unknown order" };
  const data: { status: string; carrier?: string; trackingNumber?: string; packingSlipKey?: string } = { status: step };
  if (step === "shipped" && !row.trackingNumber) {
    const trackingNumber = trackingNumberFor(externalId);
    const key = packingSlipKey(externalId);
    const pdf = await packingSlipPdf({ orderId: externalId, recipient: row.recipient as Recipient, items: row.items as Item[], carrier: "USPS", trackingNumber });
    await storage().put(key, pdf, "application/pdf");
    Object.assign(data, { carrier: "USPS", trackingNumber, packingSlipKey: key });
  }
  await db.localFulfilmentOrder.updateMany({ where: { externalId, status: previous[step] }, data });
  const now = await db.localFulfilmentOrder.findUniqueOrThrow({ where: { externalId } });
  if (LOCAL_STEPS.indexOf(now.status as LocalStep) < LOCAL_STEPS.indexOf(step)) return { outcome: `not yet at ${previous[step]}` };
  await announce(now, step);
  const next = LOCAL_STEPS[LOCAL_STEPS.indexOf(step) + 1];
  if (next) await scheduleStep(externalId, next, stepSeconds);
  return { outcome: step };
}

/** The step as Printful would announce it (v1 webhook shapes), through the webhook handler in-process. */
async function announce(row: { id: string; externalId: string; carrier: string | null; trackingNumber: string | null; packingSlipKey: string | null; updatedAt: Date }, step: LocalStep) {
  const order = { id: `lf_${row.id}`, external_id: row.externalId, status: step === "inprocess" ? "inprocess" : "fulfilled" };
  const created = Math.floor(row.updatedAt.getTime() / 1000);
  const shipment = { id: `shp_${row.id}`, carrier: row.carrier, service: "USPS Ground Advantage", tracking_number: row.trackingNumber, tracking_url: trackingUrlFor(row.trackingNumber ?? ""), packing_slip_url: row.packingSlipKey ? storage().publicUrl(row.packingSlipKey) : null, created };
  const body =
    step === "inprocess"
      ? { type: "order_updated", created, retries: 0, store: 0, data: { order } }
      : step === "shipped"
        ? { type: "package_shipped", created, retries: 0, store: 0, data: { shipment, order } }
        : { type: "shipment_delivered", created, retries: 0, store: 0, data: { shipment: { ...shipment, delivered_at: created }, order } };
  const { handlePrintfulWebhook, fulfilmentWebhookToken } = await import("../../services/shop/handle-printful-webhook");
  const r = await handlePrintfulWebhook(JSON.stringify(body), fulfilmentWebhookToken());
  if (r.status >= 300) throw new Error(`printful webhook refused the local step: ${JSON.stringify(r.body)}`);
}

export const trackingUrlFor = (trackingNumber: string) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${encodeURIComponent(trackingNumber)}`;
