import type { Prisma } from "@prisma/client";
import { db } from "../../db";
import { enqueueReadyPublications } from "../publishing/queue-publications";
import { enqueueSubmission } from "../shop/mark-order-paid";
import { WAITING_FOR_PRINT_FILES } from "../shop/submit-order";

/** Paid orders with one of the design's products, which wait for its print files. */
export const ordersWaitingFor = (designId: string): Prisma.OrderWhereInput => ({
  OR: [{ status: "PAID" }, { status: "ON_HOLD", problem: WAITING_FOR_PRINT_FILES }],
  items: { some: { productVariant: { product: { listing: { designId } } } } },
});

/**
 * A design is DONE: what waited for its print files goes on. Its listing's QUEUED publications to
 * external marketplaces (a commission's design's, decided at publish time or on the review screen)
 * get their publish jobs, and every paid order with one of its products is submitted again. Run by
 * the design worker after runDesign, so a re-delivered job (a crash after DONE) runs it again; every
 * step is idempotent (a publish job per publication id, a submission job per order and design, and
 * submitOrder itself finds an order already sent). Does nothing before DONE.
 */
export async function releaseHeldWork(designId: string) {
  const design = await db.design.findUnique({ where: { id: designId }, select: { status: true, listing: { select: { id: true } } } });
  if (design?.status !== "DONE") return { publications: 0, orders: 0 };
  // LOCAL never waits for print files: its publication is run by whoever made it (a commission runs
  // its own inline, and may be doing so right now), so it is not queued a second time here.
  const publications = design.listing ? await enqueueReadyPublications(design.listing.id, { hold: ["LOCAL"] }) : 0;
  // Every PAID one, not only those already marked waiting: a submission that found the design
  // unfinished may not have written its mark yet. ON_HOLD ones wait for an admin, unless they were
  // resubmitted and found the print files missing.
  const orders = await db.order.findMany({ where: ordersWaitingFor(designId), select: { id: true } });
  for (const o of orders) await enqueueSubmission(o.id, `${o.id}-print-files-${designId}`);
  return { publications, orders: orders.length };
}
