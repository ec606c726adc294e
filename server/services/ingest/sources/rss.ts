import { readFile } from "node:fs/promises";
import { XMLParser } from "fast-xml-parser";
import { AppError } from "../../../errors";
import { draftFromItem, type SignalDraft } from "../normalize";
import type { SourceChunk } from "./types";

// RSS 2.0 and Atom feeds. A Source row of kind RSS holds { url }; `from` may point at a saved file.

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", textNodeName: "#text", trimValues: true });

const arr = <T>(v: T | T[] | undefined | null): T[] => (v == null ? [] : Array.isArray(v) ? v : [v]);
const text = (v: unknown): string => {
  if (v == null) return "";
  if (typeof v === "string" || typeof v === "number") return String(v);
  if (typeof v === "object" && "#text" in (v as object)) return String((v as { "#text": unknown })["#text"]);
  return "";
};
const stripHtml = (s: string) => s.replace(/<[^>]*>/g, " ").replace(/&[a-z#0-9]+;/gi, " ").replace(/\s+/g, " ").trim();
const date = (s: string) => (s ? new Date(s) : null);

export function parseFeed(xml: string, community: string): { drafts: SignalDraft[]; invalid: number } {
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(xml) as Record<string, unknown>;
  } catch (e) {
    throw new AppError("BAD_REQUEST", `Not a valid RSS/Atom document: ${(e as Error).message}`);
  }
  const rss = doc.rss as { channel?: { item?: unknown } } | undefined;
  const feed = doc.feed as { entry?: unknown } | undefined;
  if (!rss?.channel && !feed) throw new AppError("BAD_REQUEST", "Not an RSS 2.0 or Atom feed (no <rss><channel> or <feed>)");
  const drafts: SignalDraft[] = [];
  let invalid = 0;
  const entries = rss?.channel ? arr(rss.channel.item as Record<string, unknown>[]) : arr(feed!.entry as Record<string, unknown>[]);
  for (const e of entries) {
    const title = stripHtml(text(e.title));
    if (!title) {
      invalid++;
      continue;
    }
    const link = rss ? text(e.link) : atomLink(e.link);
    drafts.push(
      draftFromItem({
        title,
        body: stripHtml(text(e.description ?? e.summary ?? e.content)),
        url: link || null,
        community,
        author: text(e.author ?? e["dc:creator"]) || text((e.author as { name?: unknown } | undefined)?.name) || null,
        postedAt: date(text(e.pubDate ?? e.published ?? e.updated)),
        externalId: text(e.guid ?? e.id) || null,
        raw: e,
      }),
    );
  }
  return { drafts, invalid };
}

function atomLink(link: unknown): string {
  const links = arr(link as Record<string, string> | Record<string, string>[]);
  const alt = links.find((l) => !l["@_rel"] || l["@_rel"] === "alternate") ?? links[0];
  return alt?.["@_href"] ?? "";
}

export async function* rssFeed(name: string, url: string | undefined, from?: string): AsyncGenerator<SourceChunk> {
  let xml: string;
  if (from) xml = await readFile(from, "utf8");
  else {
    if (!url) throw new AppError("PRECONDITION_FAILED", `RSS source "${name}" has no url in its config`);
    const res = await fetch(url, { headers: { accept: "application/rss+xml, application/atom+xml, text/xml" }, signal: AbortSignal.timeout(15_000) }).catch(
      (e: Error) => {
        throw new AppError("UPSTREAM", `Feed ${url} did not answer: ${e.message}`);
      },
    );
    if (!res.ok) throw new AppError("UPSTREAM", `Feed ${url} answered ${res.status}`);
    xml = await res.text();
  }
  yield { label: from ?? url!, ...parseFeed(xml, name) };
}
