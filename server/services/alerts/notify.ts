import type { Alert } from "@prisma/client";
import { db } from "../../db";
import { env } from "../../env";
import { log } from "../../log";
import { sendMail } from "../mail/send-mail";
import { recordCost } from "../costs/record-cost";

/**
 * Sends a fired alert to the configured email (ALERT_EMAIL) and/or webhook (ALERT_WEBHOOK_URL) and
 * records where it went. The dashboard banner reads FIRING alerts, so it shows with or without
 * either. Delivery failures are logged, never thrown: an alert must not break the check that fired it.
 */
export async function notifyAlert(alert: Alert) {
  const e = env();
  const channels: string[] = [];
  const subject = `[merchloop] ${alert.rule}: ${alert.message}`.slice(0, 300);
  const url = `${e.appUrl}${alert.link ?? "/admin/analytics"}`;
  if (e.ALERT_EMAIL) {
    try {
      const sent = await sendMail({
        to: e.ALERT_EMAIL,
        subject,
        text: `${alert.message}\n\nFired at ${alert.firedAt.toISOString()}.\n${url}`,
        html: `<p>${escapeHtml(alert.message)}</p><p>Fired at ${alert.firedAt.toISOString()}. <a href="${escapeHtml(url)}">Open it in the dashboard</a></p>`,
        kind: `alert.${alert.rule}`,
        idempotencyKey: `alert:${alert.id}`,
        entityType: "alert",
        entityId: alert.id,
      });
      if (sent.status === "SENT") channels.push("email");
      if (sent.status === "SENT" && !sent.duplicate) await recordCost({ provider: "email", operation: "send", priceBase: "email:send", units: { email: 1 }, dedupeKey: `email:alert:${alert.id}`, paid: true });
    } catch (err) {
      log.error({ err: (err as Error).message, alertId: alert.id }, "alert email failed");
    }
  }
  if (e.ALERT_WEBHOOK_URL) {
    try {
      const res = await fetch(e.ALERT_WEBHOOK_URL, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ id: alert.id, rule: alert.rule, status: alert.status, message: alert.message, value: alert.value, threshold: alert.threshold, firedAt: alert.firedAt, url }),
        signal: AbortSignal.timeout(10_000),
      });
      if (res.ok) channels.push("webhook");
      else log.error({ status: res.status, alertId: alert.id }, "alert webhook refused");
    } catch (err) {
      log.error({ err: (err as Error).message, alertId: alert.id }, "alert webhook failed");
    }
  }
  if (channels.length) await db.alert.update({ where: { id: alert.id }, data: { channels } });
  return channels;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** FIRING alerts for the dashboard banner (newest first). */
export const firingAlerts = () => db.alert.findMany({ where: { status: "FIRING" }, orderBy: { firedAt: "desc" }, take: 10 });
