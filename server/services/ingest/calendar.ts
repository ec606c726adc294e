import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { z } from "zod";
import { db } from "../../db";
import { AppError } from "../../errors";

// The events/holiday calendar (data/calendar.csv: month,day,name,keywords,product_hint with
// keywords separated by ";"). Loading syncs CalendarEvent with the file: rows added or changed are
// upserted and events no longer in the file are removed, so editing the CSV is all it takes.

export const defaultCalendarPath = () => join(process.cwd(), "data", "calendar.csv");

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const ZEvent = z
  .object({
    month: z.coerce.number().int().min(1).max(12),
    day: z.coerce.number().int().min(1).max(31),
    name: z.string().trim().min(1).max(120),
    keywords: z.string().default("").transform((s) => [...new Set(s.split(";").map((k) => k.trim().toLowerCase()).filter(Boolean))]),
    product_hint: z.string().trim().optional().transform((s) => s || null),
  })
  .refine((e) => e.day <= DAYS[e.month - 1], { message: "no such day in that month", path: ["day"] });

export type CalendarRow = { month: number; day: number; name: string; keywords: string[]; productHint: string | null };

export function parseCalendarCsv(text: string): { rows: CalendarRow[]; invalid: number } {
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), skip_empty_lines: true, trim: true, bom: true, comment: "#" });
  } catch (e) {
    throw new AppError("BAD_REQUEST", `Could not read the calendar CSV: ${(e as Error).message}`);
  }
  const rows: CalendarRow[] = [];
  let invalid = 0;
  for (const rec of records) {
    const r = ZEvent.safeParse(rec);
    if (!r.success) invalid++;
    else rows.push({ month: r.data.month, day: r.data.day, name: r.data.name, keywords: r.data.keywords, productHint: r.data.product_hint });
  }
  return { rows, invalid };
}

export async function loadCalendar(path = defaultCalendarPath()) {
  const text = await readFile(path, "utf8").catch(() => {
    throw new AppError("BAD_REQUEST", `Cannot read the calendar file ${path}`);
  });
  const { rows, invalid } = parseCalendarCsv(text);
  const existing = await db.calendarEvent.findMany({ select: { id: true, name: true, month: true, day: true } });
  const keyOf = (e: { name: string; month: number; day: number }) => `${e.month}/${e.day}/${e.name}`;
  const inFile = new Set(rows.map(keyOf));
  const known = new Set(existing.map(keyOf));
  await db.$transaction([
    db.calendarEvent.deleteMany({ where: { id: { in: existing.filter((e) => !inFile.has(keyOf(e))).map((e) => e.id) } } }),
    ...rows.map((r) =>
      db.calendarEvent.upsert({
        where: { name_month_day: { name: r.name, month: r.month, day: r.day } },
        create: r,
        update: { keywords: r.keywords, productHint: r.productHint },
      }),
    ),
  ]);
  const created = rows.filter((r) => !known.has(keyOf(r))).length;
  return { read: rows.length + invalid, new: created, updated: rows.length - created, rejected: invalid ? { invalid } : {} };
}
