import { createHash } from "node:crypto";
import { parse } from "csv-parse/sync";
import type { Marketplace, OutcomeKind } from "@prisma/client";
import { db } from "../../db";
import { AppError } from "../../errors";
import { recordOutcomes, type OutcomeInput } from "./record-outcomes";

// Marketplace report imports. The whole file is checked before anything is stored: one bad line
// rejects the file with its line number and reason. The same file twice adds nothing (file hash),
// and the same sale line in two different files is stored once (per-line dedupe key).

export type CsvFormat = "zazzle" | "generic";
const MAX_ROWS = 100_000;

/** Header aliases → our field names (case and spacing ignored). */
const ZAZZLE_COLUMNS: Record<string, string[]> = {
  date: ["date", "order date", "transaction date"],
  tc: ["tc", "tracking code", "trackingcode"],
  quantity: ["quantity", "qty", "units"],
  sale: ["sale amount", "sale", "product price", "amount"],
  royalty: ["royalty", "royalty amount", "earnings"],
  referral: ["referral", "referral amount", "referral fee"],
  order: ["order id", "order", "order number"],
  currency: ["currency"],
};
const GENERIC_COLUMNS: Record<string, string[]> = {
  date: ["date", "occurred_at"],
  listing: ["listing_id", "listing", "tc", "tracking_code"],
  kind: ["kind", "event"],
  quantity: ["quantity", "qty"],
  revenue: ["revenue", "revenue_usd", "amount"],
  currency: ["currency"],
  order: ["order_id", "order"],
  marketplace: ["marketplace"],
};
const REQUIRED: Record<CsvFormat, string[]> = { zazzle: ["date", "tc", "quantity", "sale"], generic: ["date", "listing", "kind"] };
const KINDS: OutcomeKind[] = ["VIEW", "VARIANT_PICK", "ADD_TO_CART", "CHECKOUT_STARTED", "PURCHASE", "COMMISSION"];
const MARKETPLACES: Marketplace[] = ["LOCAL", "ZAZZLE", "PRINTFUL"];

const norm = (s: string) => s.trim().toLowerCase().replace(/[\s_-]+/g, " ");

function mapHeader(header: string[], spec: Record<string, string[]>, format: CsvFormat) {
  const idx: Record<string, number> = {};
  header.forEach((h, i) => {
    for (const [field, aliases] of Object.entries(spec)) if (aliases.some((a) => norm(a) === norm(h)) && idx[field] === undefined) idx[field] = i;
  });
  const missing = REQUIRED[format].filter((f) => idx[f] === undefined);
  if (missing.length) throw new AppError("BAD_REQUEST", `line 1: missing column${missing.length > 1 ? "s" : ""} ${missing.map((m) => `"${spec[m][0]}"`).join(", ")} (found ${header.map((h) => `"${h}"`).join(", ") || "nothing"})`);
  return idx;
}

/** "12.34", "$12.34", "1,234.50" → cents; null when not a number. */
export function parseCents(v: string | undefined): number | null {
  if (v === undefined || v.trim() === "") return null;
  const s = v.trim().replace(/^[$€£]/, "").replace(/,/g, "");
  if (!/^-?\d+(\.\d{1,4})?$/.test(s)) return null;
  return Math.round(Number(s) * 100);
}

function parseDate(v: string | undefined): Date | null {
  if (!v?.trim()) return null;
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(v.trim()) ? `${v.trim()}T00:00:00Z` : v.trim());
  return Number.isNaN(d.getTime()) || d.getUTCFullYear() < 2000 || d.getTime() > Date.now() + 86_400_000 ? null : d;
}

/** ml-<listingId> (our tracking code) or a bare listing id. */
const listingFromCode = (v: string) => v.trim().replace(/^ml-/, "");

type Parsed = { events: OutcomeInput[]; rows: number };

/** Validates every line; throws AppError("BAD_REQUEST", "line N: reason; …") naming the first bad lines. */
export async function parseOutcomeCsv(format: CsvFormat, text: string): Promise<Parsed> {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false, trim: true });
  } catch (err) {
    const e = err as { lines?: number; message: string };
    throw new AppError("BAD_REQUEST", `line ${e.lines ?? "?"}: not valid CSV (${e.message.replace(/^Invalid Record Length: /, "")})`);
  }
  if (records.length < 2) throw new AppError("BAD_REQUEST", "line 1: the file needs a header line and at least one data line");
  if (records.length - 1 > MAX_ROWS) throw new AppError("BAD_REQUEST", `line ${MAX_ROWS + 2}: at most ${MAX_ROWS} lines per file`);
  const spec = format === "zazzle" ? ZAZZLE_COLUMNS : GENERIC_COLUMNS;
  const idx = mapHeader(records[0], spec, format);
  const cell = (r: string[], f: string) => (idx[f] === undefined ? undefined : r[idx[f]]);

  const errors: string[] = [];
  const drafts: Array<OutcomeInput & { line: number }> = [];
  records.slice(1).forEach((r, i) => {
    const line = i + 2;
    const bad = (why: string) => errors.push(`line ${line}: ${why}`);
    const date = parseDate(cell(r, "date"));
    if (!date) return bad(`"${cell(r, "date")}" is not a date (use YYYY-MM-DD)`);
    const qtyRaw = cell(r, "quantity");
    const quantity = qtyRaw === undefined || qtyRaw === "" ? 1 : Number(qtyRaw);
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > 10_000) return bad(`quantity "${qtyRaw}" must be a whole number from 1`);
    const currency = (cell(r, "currency") || "usd").toLowerCase();
    if (!/^[a-z]{3}$/.test(currency)) return bad(`currency "${currency}" is not a 3-letter code`);
    if (format === "zazzle") {
      const tc = cell(r, "tc") ?? "";
      if (!/^ml-[a-z0-9]{10,40}$/i.test(tc.trim())) return bad(`tracking code "${tc}" is not one of ours (ml-<listing id>)`);
      const sale = parseCents(cell(r, "sale"));
      if (sale === null || sale < 0) return bad(`sale amount "${cell(r, "sale")}" is not an amount`);
      const royalty = parseCents(cell(r, "royalty"));
      const referral = parseCents(cell(r, "referral"));
      if (cell(r, "royalty") && royalty === null) return bad(`royalty "${cell(r, "royalty")}" is not an amount`);
      if (cell(r, "referral") && referral === null) return bad(`referral "${cell(r, "referral")}" is not an amount`);
      // What Merchloop earns on Zazzle is the royalty plus the referral; the sale price without them.
      const earned = royalty !== null || referral !== null ? (royalty ?? 0) + (referral ?? 0) : sale;
      drafts.push({ line, kind: "PURCHASE", source: "ZAZZLE", marketplace: "ZAZZLE", occurredAt: date, listingId: listingFromCode(tc), quantity, revenueCents: earned, currency, orderId: cell(r, "order") ? `zazzle:${cell(r, "order")}` : null });
    } else {
      const kind = (cell(r, "kind") ?? "").toUpperCase().replace(/[\s-]+/g, "_") as OutcomeKind;
      if (!KINDS.includes(kind)) return bad(`kind "${cell(r, "kind")}" must be one of ${KINDS.join(", ").toLowerCase()}`);
      const listing = listingFromCode(cell(r, "listing") ?? "");
      if (!/^[a-z0-9]{10,40}$/i.test(listing)) return bad(`listing "${cell(r, "listing")}" is not a listing id or ml- tracking code`);
      const revenue = cell(r, "revenue") ? parseCents(cell(r, "revenue")) : 0;
      if (revenue === null) return bad(`revenue "${cell(r, "revenue")}" is not an amount`);
      const mp = (cell(r, "marketplace") || "LOCAL").toUpperCase() as Marketplace;
      if (!MARKETPLACES.includes(mp)) return bad(`marketplace "${cell(r, "marketplace")}" must be local, zazzle or printful`);
      drafts.push({ line, kind, source: "CSV", marketplace: mp, occurredAt: date, listingId: listing, quantity, revenueCents: revenue, currency, orderId: cell(r, "order") || null });
    }
  });
  if (errors.length) throw new AppError("BAD_REQUEST", `${errors.length} bad line${errors.length > 1 ? "s" : ""}, nothing imported. ${errors.slice(0, 10).join("; ")}${errors.length > 10 ? "; …" : ""}`);

  const known = await db.listing.findMany({ where: { id: { in: [...new Set(drafts.map((d) => d.listingId!))] } }, select: { id: true } });
  const knownIds = new Set(known.map((k) => k.id));
  const unknown = drafts.filter((d) => !knownIds.has(d.listingId!));
  if (unknown.length) throw new AppError("BAD_REQUEST", `nothing imported: ${unknown.slice(0, 10).map((d) => `line ${d.line}: no listing "${d.listingId}"`).join("; ")}${unknown.length > 10 ? "; …" : ""}`);

  // Identical lines are distinct sales: the n-th copy gets its own key.
  const seen = new Map<string, number>();
  const events = drafts.map(({ line: _line, ...d }) => {
    const base = `${format}:${d.listingId}:${d.occurredAt!.toISOString()}:${d.kind}:${d.quantity}:${d.revenueCents}:${d.currency}:${d.orderId ?? ""}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { ...d, dedupeKey: `csv:${createHash("sha256").update(`${base}#${n}`).digest("hex").slice(0, 40)}` };
  });
  return { events, rows: records.length - 1 };
}

/** Imports a Zazzle referral/royalty report or a generic outcome CSV. */
export async function importOutcomeCsv({ format, text, fileName, by }: { format: CsvFormat; text: string; fileName?: string; by?: string }) {
  const sha = createHash("sha256").update(text).digest("hex");
  const source = format === "zazzle" ? "ZAZZLE" : "CSV";
  const previous = await db.outcomeImport.findUnique({ where: { source_fileSha256: { source, fileSha256: sha } } });
  if (previous) return { importId: previous.id, rows: previous.rows, added: 0, duplicateFile: true };
  const { events, rows } = await parseOutcomeCsv(format, text);
  const imp = await db.outcomeImport.create({ data: { source, fileSha256: sha, fileName: fileName?.slice(0, 200), rows, added: 0, actorId: by } });
  let added: number;
  try {
    added = await recordOutcomes(events.map((e) => ({ ...e, importId: imp.id })));
  } catch (err) {
    await db.outcomeImport.delete({ where: { id: imp.id } }).catch(() => undefined); // a retry must not look like a duplicate
    throw err;
  }
  await db.$transaction([
    db.outcomeImport.update({ where: { id: imp.id }, data: { added } }),
    db.auditLog.create({ data: { actorId: by, action: "outcomes.import", entityType: "outcomeImport", entityId: imp.id, data: { format, rows, added, fileName: fileName ?? null } } }),
  ]);
  return { importId: imp.id, rows, added, duplicateFile: false };
}
