// Storefront outcome tracking, first-party and batched: events wait in memory and leave in one
// navigator.sendBeacon when the page is hidden or left (or when 20 are waiting), so a page view adds
// no request on the critical path. Nothing is sent under Do Not Track or Global Privacy Control, and
// events carry no personal data: a kind, a listing id and an experiment arm.

export const CLIENT_OUTCOME_KINDS = ["VIEW", "VARIANT_PICK", "ADD_TO_CART", "CHECKOUT_STARTED"] as const;
export type ClientOutcomeKind = (typeof CLIENT_OUTCOME_KINDS)[number];
export type ClientOutcome = { kind: ClientOutcomeKind; listingId: string; experimentId?: string; armId?: string };

export const TRACK_ENDPOINT = "/api/t";
export const MAX_BATCH = 20;

const queue: ClientOutcome[] = [];
let listening = false;

/** True when the browser asks not to be tracked (DNT or GPC). */
export function trackingRefused(): boolean {
  if (typeof navigator === "undefined") return true;
  const n = navigator as Navigator & { globalPrivacyControl?: boolean; msDoNotTrack?: string };
  const w = typeof window !== "undefined" ? (window as Window & { doNotTrack?: string }) : undefined;
  return n.globalPrivacyControl === true || n.doNotTrack === "1" || n.doNotTrack === "yes" || w?.doNotTrack === "1" || n.msDoNotTrack === "1";
}

export function flush() {
  if (!queue.length) return;
  const batch = queue.splice(0, MAX_BATCH);
  const body = new Blob([JSON.stringify({ events: batch })], { type: "application/json" });
  if (!navigator.sendBeacon?.(TRACK_ENDPOINT, body)) {
    void fetch(TRACK_ENDPOINT, { method: "POST", body, keepalive: true }).catch(() => undefined);
  }
  if (queue.length) flush();
}

/** Queues one event (no-op under DNT/GPC or on the server). */
export function track(event: ClientOutcome) {
  if (typeof window === "undefined" || trackingRefused()) return;
  queue.push(event);
  if (!listening) {
    listening = true;
    addEventListener("visibilitychange", () => document.visibilityState === "hidden" && flush());
    addEventListener("pagehide", flush);
  }
  if (queue.length >= MAX_BATCH) flush();
}
