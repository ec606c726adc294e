import type { Source } from "@prisma/client";
import { db } from "../../../db";
import { AppError } from "../../../errors";

// Source rows by key. Built-in keys (reddit, csv, calendar) are created on first use so a fresh
// database can ingest before the seed ran; rss:<name> sources must exist (they carry the feed url).

const BUILT_IN: Record<string, { kind: Source["kind"]; name: string }> = {
  reddit: { kind: "REDDIT", name: "Reddit" },
  csv: { kind: "CSV", name: "CSV import" },
  calendar: { kind: "CALENDAR", name: "Events calendar" },
};

export const SOURCE_KEY = /^(reddit|csv|calendar|rss:[a-z0-9][a-z0-9_-]{0,40})$/;

export async function sourceForKey(key: string): Promise<Source> {
  if (!SOURCE_KEY.test(key)) throw new AppError("BAD_REQUEST", `Unknown source "${key}": use reddit, rss:<name>, csv or calendar`);
  const found = await db.source.findUnique({ where: { key } });
  if (found) return found;
  const b = BUILT_IN[key];
  if (!b) throw new AppError("NOT_FOUND", `No source "${key}": add a Source row of kind RSS with config {"url": "…"} (see seedIngestion)`);
  return db.source.upsert({ where: { key }, create: { key, ...b }, update: {} });
}
