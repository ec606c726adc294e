// Words the promoters' dashboard and server share (client-safe: no server imports).

export const SOCIAL_PLATFORMS = ["OUTBOX", "REDDIT", "BLUESKY", "MASTODON"] as const;
export type SocialPlatformName = (typeof SOCIAL_PLATFORMS)[number];
export const platformLabel: Record<SocialPlatformName, string> = { OUTBOX: "Local outbox", REDDIT: "Reddit", BLUESKY: "Bluesky", MASTODON: "Mastodon" };

export const PROMO_POST_STATUSES = ["DRAFT", "BLOCKED", "SCHEDULED", "POSTING", "POSTED", "FAILED", "REJECTED"] as const;
export type PromoPostStatusName = (typeof PROMO_POST_STATUSES)[number];

/** Secret names each platform takes (write-only; the UI shows only their last 4 characters). */
export const SECRET_FIELDS: Record<SocialPlatformName, Array<{ name: string; label: string; required: boolean }>> = {
  OUTBOX: [],
  REDDIT: [
    { name: "client_secret", label: "App client secret", required: true },
    { name: "refresh_token", label: "Refresh token", required: true },
    { name: "access_token", label: "Access token (optional)", required: false },
  ],
  BLUESKY: [{ name: "app_password", label: "App password", required: true }],
  MASTODON: [
    { name: "access_token", label: "Access token", required: true },
    { name: "refresh_token", label: "Refresh token (optional)", required: false },
    { name: "client_secret", label: "App client secret (for refresh)", required: false },
  ],
};
export const SECRET_NAMES = ["client_secret", "refresh_token", "access_token", "app_password"] as const;

export const PROMO_ACTIONS = [
  "draft",
  "blocked",
  "edit",
  "approve",
  "reject",
  "schedule",
  "post",
  "fail",
  "reschedule",
  "wait",
  "credential_set",
  "credential_refresh",
  "needs_reconnect",
  "reconnected",
  "cap_hit",
  "account_connect",
  "account_update",
  "key_rotated",
] as const;
export type PromoActionName = (typeof PROMO_ACTIONS)[number];

export type WindowSpec = { days: number[]; start: string; end: string };
const DAY_NAMES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/** "Mon-Fri 09:00-11:00; Sat,Sun 10:00-12:00" → windows (1 = Monday). Empty text = always open. */
export function parseWindows(text: string): { ok: true; windows: WindowSpec[] } | { ok: false; error: string } {
  const windows: WindowSpec[] = [];
  for (const part of text.split(/[;\n]/).map((s) => s.trim()).filter(Boolean)) {
    const m = /^(.+?)\s+(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})$/.exec(part);
    if (!m) return { ok: false, error: `"${part}": write days then HH:mm-HH:mm, e.g. "Mon-Fri 09:00-11:00"` };
    const days = new Set<number>();
    for (const tok of m[1].toLowerCase().split(/[,\s]+/).filter(Boolean)) {
      if (tok === "daily" || tok === "every") {
        DAY_NAMES.forEach((_, i) => days.add(i + 1));
        continue;
      }
      const [a, b] = tok.split("-").map((d) => DAY_NAMES.indexOf(d.slice(0, 3)));
      if (a < 0 || (b !== undefined && b < 0)) return { ok: false, error: `"${tok}" is not a day (use Mon…Sun or daily)` };
      if (b === undefined) days.add(a + 1);
      else for (let i = a; ; i = (i + 1) % 7) { days.add(i + 1); if (i === b) break; }
    }
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(m[2]) || !/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/.test(m[3])) return { ok: false, error: `"${part}": times are HH:mm (24-hour)` };
    windows.push({ days: [...days].sort(), start: m[2], end: m[3] });
  }
  return { ok: true, windows };
}

export function formatWindows(windows: WindowSpec[]): string {
  return windows
    .map((w) => {
      const names = w.days.length === 7 ? "daily" : w.days.map((d) => DAY_NAMES[d - 1][0].toUpperCase() + DAY_NAMES[d - 1].slice(1)).join(",");
      return `${names} ${w.start}-${w.end}`;
    })
    .join("; ");
}
