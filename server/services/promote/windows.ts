import { DateTime, IANAZone } from "luxon";
import { z } from "zod";

// Posting windows in the account's own time zone. A window is a weekday set (1 = Monday … 7 = Sunday,
// ISO like luxon) and a local start/end ("HH:mm"; an end at or before the start runs past midnight).
// Local times are resolved by luxon in the zone, so a window keeps its wall-clock hours across DST:
// 09:00 New York is 14:00 UTC in winter and 13:00 UTC in summer. No windows = always open.

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "use HH:mm (24-hour)");
export const ZWindow = z.object({ days: z.array(z.number().int().min(1).max(7)).min(1).max(7), start: HHMM, end: HHMM });
export const ZWindows = z.array(ZWindow).max(21);
export type PostingWindow = z.infer<typeof ZWindow>;

export const isTimeZone = (tz: string) => IANAZone.isValidZone(tz);

const at = (day: DateTime, hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return h === 24 ? day.plus({ days: 1 }).startOf("day") : day.set({ hour: h, minute: m, second: 0, millisecond: 0 });
};

/** The open intervals [start, end) of one window that begin on `day` (a local calendar day). */
function intervalsOn(day: DateTime, w: PostingWindow): Array<[DateTime, DateTime]> {
  if (!w.days.includes(day.weekday)) return [];
  const start = at(day, w.start);
  let end = at(day, w.end);
  if (end <= start) end = at(day.plus({ days: 1 }), w.end);
  return [[start, end]];
}

/** The first instant ≥ `earliest` inside one of the windows (in `timeZone`); `earliest` itself when there are no windows. */
export function nextWindowStart(windows: PostingWindow[], timeZone: string, earliest: Date): Date {
  if (!windows.length) return earliest;
  const t = DateTime.fromJSDate(earliest, { zone: timeZone });
  if (!t.isValid) throw new Error(`unknown time zone "${timeZone}"`);
  let best: DateTime | null = null;
  const firstDay = t.startOf("day");
  for (let d = -1; d <= 8 && !best; d++) {
    const day = firstDay.plus({ days: d });
    for (const w of windows) {
      for (const [s, e] of intervalsOn(day, w)) {
        if (e <= t) continue;
        const candidate = s > t ? s : t;
        if (candidate < e && (!best || candidate < best)) best = candidate;
      }
    }
  }
  if (!best) throw new Error("the posting windows never open");
  return best.toJSDate();
}

/**
 * The slot for the next post of an account: not before `now`, at least `minIntervalMinutes` after the
 * account's previous slot, and inside a posting window.
 */
export function nextSlot(a: { windows: PostingWindow[]; timeZone: string; minIntervalMinutes: number; lastSlotAt: Date | null }, now: Date): Date {
  const spaced = a.lastSlotAt ? new Date(a.lastSlotAt.getTime() + a.minIntervalMinutes * 60_000) : now;
  return nextWindowStart(a.windows, a.timeZone, spaced > now ? spaced : now);
}
