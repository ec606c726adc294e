import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";

// The shipped, editable denylist (data/denylist.txt): words, phrases and trademarks that must never
// reach a product. Compiled once into one case-insensitive, whole-word regular expression; the file
// is re-read when its modification time changes.

export type Denylist = { terms: string[]; match(text: string): string | null };

export const defaultDenylistPath = () => join(process.cwd(), "data", "denylist.txt");

/** Lower-case, accents removed, curly quotes straightened. */
export const foldText = (s: string) =>
  s.normalize("NFKD").replace(/\p{M}+/gu, "").replace(/[’‘`]/g, "'").toLowerCase();

/** Letters and digits only: "Star-Wars" and "star wars" share the key "starwars". */
const keyOf = (s: string) => foldText(s).replace(/[^\p{L}\p{N}]+/gu, "");

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function parseDenylist(text: string): string[] {
  const seen = new Set<string>();
  const terms: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const t = line.replace(/#.*$/, "").trim();
    if (!t || seen.has(keyOf(t)) || !keyOf(t)) continue;
    seen.add(keyOf(t));
    terms.push(t);
  }
  return terms;
}

/** Compile terms into a matcher that returns the first denylisted term found in `text`, or null. */
export function compileDenylist(terms: string[]): Denylist {
  if (!terms.length) return { terms, match: () => null };
  const byKey = new Map(terms.map((t) => [keyOf(t), t]));
  // Each term becomes its letters/digits with optional separators between the words/characters
  // that were separated in the original ("coca-cola" → coca[\s\-_.']*cola).
  const patterns = terms
    .map((t) => foldText(t).split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(escape).join("[\\s\\-_.']*"))
    .sort((a, b) => b.length - a.length);
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(${patterns.join("|")})(?:'?s|es)?(?![\\p{L}\\p{N}])`, "u");
  return {
    terms,
    match(text: string) {
      const m = re.exec(foldText(text));
      return m ? (byKey.get(keyOf(m[1])) ?? m[1]) : null;
    },
  };
}

const cache = new Map<string, { mtimeMs: number; checkedAt: number; list: Denylist }>();
const RECHECK_MS = 5_000;

/** The denylist at `path` (default data/denylist.txt), cached and reloaded when the file changes. */
export async function loadDenylist(path = defaultDenylistPath()): Promise<Denylist> {
  const hit = cache.get(path);
  const now = Date.now();
  if (hit && now - hit.checkedAt < RECHECK_MS) return hit.list;
  const { mtimeMs } = await stat(/*turbopackIgnore: true*/ path);
  if (hit && hit.mtimeMs === mtimeMs) {
    hit.checkedAt = now;
    return hit.list;
  }
  const list = compileDenylist(parseDenylist(await readFile(/*turbopackIgnore: true*/ path, "utf8")));
  cache.set(path, { mtimeMs, checkedAt: now, list });
  return list;
}
