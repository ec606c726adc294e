import { tokenize } from "../../providers/embeddings/text";

export type CalendarEventLite = { id: string; name: string; month: number; day: number; keywords: string[] };
export type SeasonalMatch = { value: number; event: { id: string; name: string; date: string; days: number; keyword: string } | null };

const DAY = 86_400_000;
export const SEASON_WINDOW_DAYS = 7;
export const SEASON_DECAY_DAYS = 14;

/** Days between `now` and the nearest yearly occurrence of month/day (handles the Dec/Jan wrap). */
export function daysToRecurring(now: Date, month: number, day: number): { days: number; date: Date } {
  const y = now.getUTCFullYear();
  const today = Date.UTC(y, now.getUTCMonth(), now.getUTCDate());
  let best = { days: Infinity, date: new Date(0) };
  for (const yy of [y - 1, y, y + 1]) {
    const t = Date.UTC(yy, month - 1, day);
    const d = Math.abs(t - today) / DAY;
    if (d < best.days) best = { days: Math.round(d), date: new Date(t) };
  }
  return best;
}

/** 1 within ±7 days of the event, then exp(−(days − 7) / 14). */
export function seasonalDecay(days: number) {
  return days <= SEASON_WINDOW_DAYS ? 1 : Math.exp(-(days - SEASON_WINDOW_DAYS) / SEASON_DECAY_DAYS);
}

/** Prepared once per run: keyword → events, so each signal only looks up its own words. */
export function seasonIndex(events: CalendarEventLite[]) {
  const single = new Map<string, CalendarEventLite[]>();
  const phrases: Array<{ phrase: string; event: CalendarEventLite }> = [];
  for (const e of events) {
    for (const k of e.keywords) {
      const kw = k.trim().toLowerCase();
      if (!kw) continue;
      if (/\s/.test(kw)) phrases.push({ phrase: kw, event: e });
      else single.set(kw, [...(single.get(kw) ?? []), e]);
    }
  }
  return { single, phrases };
}

/**
 * Best seasonal match for a signal: an event matches when one of its keywords is among the signal's
 * keywords or title words (multi-word keywords must appear in the title). 0 with no matching event.
 */
export function seasonality(signal: { keywords: string[]; title: string }, now: Date, index: ReturnType<typeof seasonIndex>): SeasonalMatch {
  const words = new Set([...signal.keywords.map((k) => k.toLowerCase()), ...tokenize(signal.title)]);
  const candidates: Array<{ event: CalendarEventLite; keyword: string }> = [];
  for (const w of words) for (const e of index.single.get(w) ?? []) candidates.push({ event: e, keyword: w });
  if (index.phrases.length) {
    const text = `${signal.title} ${signal.keywords.join(" ")}`.toLowerCase();
    for (const p of index.phrases) if (text.includes(p.phrase)) candidates.push({ event: p.event, keyword: p.phrase });
  }
  let best: SeasonalMatch = { value: 0, event: null };
  for (const c of candidates) {
    const { days, date } = daysToRecurring(now, c.event.month, c.event.day);
    const value = seasonalDecay(days);
    if (value > best.value) best = { value, event: { id: c.event.id, name: c.event.name, date: date.toISOString().slice(0, 10), days, keyword: c.keyword } };
  }
  return best;
}
