import { titleCase as sloganCase } from "../../providers/ideas/inflect";
import { PRODUCT_SPECS, type ProductType } from "./products";

// Listing copy for marketplaces: a title of at most 80 characters, 3–5 bullets, exactly 13 tags
// (lowercase, ≤ 20 characters, unique — Etsy's rules), a description and the price.

export const TITLE_MAX = 80;
export const TAG_COUNT = 13;
export const TAG_MAX = 20;

export type ListingInput = {
  title: string;
  theme: string;
  keywords?: string[];
  community?: string | null;
  productTypes: ProductType[];
  /** The post's phrases that made the idea (Idea.phrases, slot fillers first). The copy is built from them. */
  phrases?: string[];
};

export type ListingCopy = {
  title: string;
  bullets: string[];
  tags: string[];
  description: string;
  priceCents: number;
  currency: "usd";
};

/** What each product is (13 each), in the words shoppers search with; used after the design's own words run out. */
const PRODUCT_TAGS: Record<ProductType, string[]> = {
  tee: ["graphic tee", "funny shirt", "t shirt", "unisex tee", "cotton tee", "crew neck tee", "printed shirt", "short sleeve tee", "casual tee", "everyday shirt", "soft tee", "tshirt gift", "statement tee"],
  poster: ["wall art", "art print", "poster", "wall decor", "room decor", "typography print", "home decor", "office decor", "framed art", "art poster", "dorm decor", "gallery wall", "printed poster"],
  mug: ["coffee mug", "funny mug", "mug", "ceramic mug", "tea mug", "office mug", "desk mug", "mug gift", "morning mug", "kitchen mug", "11 oz mug", "cocoa mug", "white mug"],
  sticker: ["laptop sticker", "vinyl sticker", "sticker", "die cut sticker", "bottle sticker", "planner sticker", "journal sticker", "sticker gift", "phone sticker", "decal", "water bottle decal", "small gift", "matte sticker"],
};

const STOPWORDS = new Set(["the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "my", "your", "is", "it", "this", "that", "i", "be", "at", "by", "me", "we", "you"]);

const clean = (s: string) =>
  s
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/** A tag of at most 20 characters, cut on a word boundary; null when nothing useful is left. */
export function toTag(raw: string): string | null {
  let t = clean(raw);
  if (t.length > TAG_MAX) {
    const words = t.split(" ");
    while (words.length > 1 && (words.join(" ").length > TAG_MAX || STOPWORDS.has(words[words.length - 1]))) words.pop();
    t = words.join(" ");
    if (t.length > TAG_MAX) return null;
  }
  if (t.length < 3 || STOPWORDS.has(t)) return null;
  return t;
}

/** The design's own words, most specific first: its phrases, then keywords (old ideas have no phrases). */
function designWords(input: ListingInput): string[] {
  const out: string[] = [];
  for (const p of [...(input.phrases ?? []), ...(input.keywords ?? [])]) {
    const c = clean(p);
    if (c && !out.includes(c) && !STOPWORDS.has(c)) out.push(c);
  }
  return out;
}

export function buildTags(input: ListingInput): string[] {
  const community = input.community ? clean(input.community) : "";
  const words = designWords(input);
  const themeWords = clean(input.theme).split(" ").filter((w) => w.length > 2 && !STOPWORDS.has(w));
  const nouns = input.productTypes.map((t) => PRODUCT_TAGS[t][0].split(" ").pop()!);
  const candidates = [
    input.title,
    ...words.slice(0, 4),
    ...input.productTypes.map((t) => PRODUCT_TAGS[t][0]),
    community,
    input.theme,
    // The design's main phrase on the product ("snack shirt", "snack mug"), then as a gift.
    ...words.slice(0, 2).flatMap((w) => nouns.map((n) => `${w} ${n}`)),
    words[0] && `${words[0]} gift`,
    community && `${community} gift`,
    ...words.slice(4),
    ...themeWords,
    ...input.productTypes.flatMap((t) => PRODUCT_TAGS[t].slice(1)),
  ];
  const tags: string[] = [];
  for (const c of candidates) {
    const t = c ? toTag(c) : null;
    if (t && !tags.includes(t)) tags.push(t);
    if (tags.length === TAG_COUNT) break;
  }
  return tags;
}

const titleCase = (s: string) => sloganCase(s.replace(/\s+/g, " ").trim());

function cutWords(s: string, max: number) {
  if (s.length <= max) return s;
  const cut = s.slice(0, max + 1);
  const i = cut.lastIndexOf(" ");
  return (i > max * 0.5 ? cut.slice(0, i) : s.slice(0, max)).replace(/[\s,;:–—-]+$/, "");
}

export function buildTitle(input: ListingInput): string {
  const base = titleCase(input.title);
  const nouns = input.productTypes.map((t) => PRODUCT_SPECS[t].noun);
  const theme = titleCase(input.theme);
  const options = [
    `${base} – ${theme} ${nouns.join(", ")}`,
    `${base} – ${theme} ${nouns[0]}`,
    `${base} ${nouns[0]}`,
    base,
  ];
  return options.find((o) => o.length <= TITLE_MAX) ?? cutWords(base, TITLE_MAX);
}

export function priceFor(types: ProductType[]): number {
  return Math.min(...types.map((t) => PRODUCT_SPECS[t].priceCents));
}

const list = (xs: string[]) => (xs.length > 1 ? `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}` : (xs[0] ?? ""));

/**
 * Title, bullets, 13 tags and a description, all from the idea's own phrases: the copy says what
 * is on the design and where it comes from. Product facts (what, how printed) are the only shared lines.
 */
export function buildListingCopy(input: ListingInput): ListingCopy {
  const types = input.productTypes.length ? input.productTypes : (["tee"] as ProductType[]);
  const title = buildTitle({ ...input, productTypes: types });
  const nouns = types.map((t) => PRODUCT_SPECS[t].noun.toLowerCase());
  const slogan = titleCase(input.title);
  const words = designWords(input).filter((w) => !clean(input.title).includes(w));
  const where = input.community ? ` from r/${input.community}` : "";
  const about = words.slice(0, 3);
  const bullets = [
    `"${slogan}" in ${input.theme.toLowerCase()} lettering${about.length ? `, with ${list(about)} worked into the art` : ""}.`,
    `Written from a post${where}${words[3] ? ` about ${list(words.slice(3, 5))}` : ""} that people could not stop sharing.`,
    `Available as ${nouns.length > 1 ? list(nouns) : `a ${nouns[0]}`}; printed on demand from a 300 DPI file.`,
  ];
  if (types.includes("tee")) bullets.push("Tees: soft cotton, unisex fit; wash inside out, cold.");
  const description = [
    `${slogan} — a ${input.theme.toLowerCase()} design${about.length ? ` about ${list(about)}` : ""}${where}.`,
    "",
    ...bullets.map((b) => `• ${b}`),
    "",
    "Each item is printed when you order it, so nothing is wasted.",
  ].join("\n");
  return { title, bullets: bullets.slice(0, 5), tags: buildTags({ ...input, productTypes: types }), description, priceCents: priceFor(types), currency: "usd" };
}
