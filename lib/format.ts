// Building an Intl.NumberFormat costs far more than using one (it was ~12% of the storefront's
// render CPU in a profile): keep one per currency.
const formatters = new Map<string, Intl.NumberFormat>();

/** Integer cents → "$12.50" (currency aware, exact). */
export function money(cents: number, currency = "usd") {
  const code = currency.toUpperCase();
  let f = formatters.get(code);
  if (!f) formatters.set(code, (f = new Intl.NumberFormat("en-US", { style: "currency", currency: code })));
  return f.format(cents / 100);
}

export function timeAgo(d: Date | string) {
  const s = Math.round((Date.now() - new Date(d).getTime()) / 1000);
  if (s < 60) return `${s}s ago`;
  if (s < 3600) return `${Math.round(s / 60)}m ago`;
  if (s < 86400) return `${Math.round(s / 3600)}h ago`;
  return `${Math.round(s / 86400)}d ago`;
}

/** Jobs not yet running: waiting, prioritized (waiting with a priority) and delayed (backing off). */
export const pendingJobs = (c: { waiting?: number; prioritized?: number; delayed?: number }) => (c.waiting ?? 0) + (c.prioritized ?? 0) + (c.delayed ?? 0);
