import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { z } from "zod";
import { AppError } from "../../../errors";
import { draftFromItem, type SignalDraft } from "../normalize";
import type { SourceChunk } from "./types";

// CSV import with a header row: title,body,url,community,score,comments,posted_at (only title required).

const int = z.preprocess((v) => (v === "" || v == null ? 0 : Number(v)), z.number().int());
const ZRow = z.object({
  title: z.string().trim().min(1),
  body: z.string().optional().default(""),
  url: z.preprocess((v) => (v === "" ? undefined : v), z.url().optional()),
  community: z.string().optional(),
  score: int,
  comments: int,
  posted_at: z.preprocess((v) => (v === "" || v == null ? undefined : new Date(String(v))), z.date().optional()),
});

export function parseSignalCsv(text: string): { drafts: SignalDraft[]; invalid: number } {
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), skip_empty_lines: true, trim: true, bom: true, relax_column_count: true });
  } catch (e) {
    throw new AppError("BAD_REQUEST", `Could not read the CSV: ${(e as Error).message}`);
  }
  if (records.length && !("title" in records[0])) throw new AppError("BAD_REQUEST", "The CSV needs a header row with at least a title column (title,body,url,community,score,comments,posted_at)");
  const drafts: SignalDraft[] = [];
  let invalid = 0;
  for (const rec of records) {
    const r = ZRow.safeParse(rec);
    if (!r.success || (r.data.posted_at && Number.isNaN(r.data.posted_at.getTime()))) {
      invalid++;
      continue;
    }
    const d = r.data;
    drafts.push(draftFromItem({ title: d.title, body: d.body, url: d.url, community: d.community, score: d.score, comments: d.comments, postedAt: d.posted_at, raw: rec }));
  }
  return { drafts, invalid };
}

export async function* csvFile(from: string): AsyncGenerator<SourceChunk> {
  const text = await readFile(from, "utf8").catch(() => {
    throw new AppError("BAD_REQUEST", `Cannot read ${from}`);
  });
  yield { label: from, ...parseSignalCsv(text) };
}
