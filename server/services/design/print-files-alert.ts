import { db } from "../../db";
import { log } from "../../log";
import { notifyAlert } from "../alerts/notify";
import { ordersWaitingFor } from "./release-held-work";

export const PRINT_FILES_RULE = "design.print_files_failed";

/**
 * A design failed on its last attempt while its product is already on sale (a commission's product is
 * published from the design's preview; the print files follow). Paid shop orders for it wait
 * ("waiting for its print files") and its marketplace publications stay queued until an admin
 * retries the design, so this fires an alert (dashboard banner, email, webhook) naming the product
 * and what waits, linked to the design's page. One per run of the design (keyed by its attempt count): called again for the same
 * run, it fires nothing new; an admin's retry that fails again fires a new one. Never throws: it must
 * not mask the failure.
 */
export async function alertPrintFilesFailed(designId: string, error: string) {
  try {
    const design = await db.design.findUnique({ where: { id: designId }, select: { attempts: true, listing: { select: { product: { select: { title: true } } } } } });
    const product = design?.listing?.product;
    if (!design || !product) return null; // nothing on sale yet: the Designs screen shows the failure
    const orders = await db.order.count({ where: ordersWaitingFor(designId) });
    const message = `Print files for "${product.title}" failed (${error.slice(0, 200)}); ${orders} paid order${orders === 1 ? "" : "s"} wait for them. Retry the design from the dashboard.`;
    const alert = await db.alert
      .create({ data: { rule: PRINT_FILES_RULE, message, value: orders, link: `/admin/designs/${designId}`, dedupeKey: `${PRINT_FILES_RULE}:${designId}:${design.attempts}` } })
      .catch((err: { code?: string }) => {
        if (err.code === "P2002") return null; // this run's alert exists
        throw err;
      });
    if (alert) await notifyAlert(alert);
    return alert;
  } catch (err) {
    log.error({ designId, err: err instanceof Error ? err.message : String(err) }, "print files alert not raised");
    return null;
  }
}

/** The design is DONE: its print-files alerts are resolved. */
export async function resolvePrintFilesAlerts(designId: string) {
  await db.alert.updateMany({
    where: { rule: PRINT_FILES_RULE, status: "FIRING", dedupeKey: { startsWith: `${PRINT_FILES_RULE}:${designId}:` } },
    data: { status: "RESOLVED", resolvedAt: new Date() },
  });
}
