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
};

export type ListingCopy = {
  title: string;
  bullets: string[];
  tags: string[];
  description: string;
  priceCents: number;
  currency: "usd";
};

const GENERIC_TAGS = [
  "gift idea",
  "funny gift",
  "unique gift",
  "graphic design",
  "bold typography",
  "trending design",
  "birthday gift",
  "gift for friend",
  "pop culture",
  "statement design",
  "retro design",
  "novelty gift",
  "original art",
  "cool gift",
  "fan gift",
  "christmas gift",
];

const PRODUCT_TAGS: Record<ProductType, string[]> = {
  tee: ["graphic tee", "funny shirt", "t shirt"],
  poster: ["wall art", "art print", "poster"],
  mug: ["coffee mug", "funny mug", "mug"],
  sticker: ["laptop sticker", "vinyl sticker", "sticker"],
};

const STOPWORDS = new Set(["the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "my", "your", "is", "it", "this", "that", "i", "be", "at", "by", "me", "we", "you"]);

const clean = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/** A tag of at most 20 characters, cut on a word boundary; null when nothing useful is left. */
export function toTag(raw: string): string | null {
  let t = clean(raw);
  if (t.length > TAG_MAX) {
    const words = t.split(" ");
    while (words.length > 1 && words.join(" ").length > TAG_MAX) words.pop();
    t = words.join(" ");
    if (t.length > TAG_MAX) return null;
  }
  if (t.length < 3 || STOPWORDS.has(t)) return null;
  return t;
}

export function buildTags(input: ListingInput): string[] {
  const community = input.community ? clean(input.community) : "";
  const themeWords = clean(input.theme).split(" ").filter((w) => w.length > 2 && !STOPWORDS.has(w));
  const titleWords = clean(input.title).split(" ").filter((w) => w.length > 3 && !STOPWORDS.has(w));
  const primaryNoun = PRODUCT_TAGS[input.productTypes[0] ?? "tee"][0];
  const candidates = [
    input.theme,
    community,
    community && `${community} gift`,
    input.title,
    ...(input.keywords ?? []),
    ...input.productTypes.map((t) => PRODUCT_TAGS[t][0]),
    themeWords.length ? `${themeWords[0]} ${primaryNoun}` : "",
    ...themeWords,
    ...titleWords,
    ...input.productTypes.flatMap((t) => PRODUCT_TAGS[t].slice(1)),
    ...GENERIC_TAGS,
  ];
  const tags: string[] = [];
  for (const c of candidates) {
    const t = c ? toTag(c) : null;
    if (t && !tags.includes(t)) tags.push(t);
    if (tags.length === TAG_COUNT) break;
  }
  return tags;
}

const titleCase = (s: string) => s.replace(/\s+/g, " ").trim().replace(/\b\p{L}/gu, (c) => c.toUpperCase());

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

export function buildListingCopy(input: ListingInput): ListingCopy {
  const types = input.productTypes.length ? input.productTypes : (["tee"] as ProductType[]);
  const title = buildTitle({ ...input, productTypes: types });
  const nouns = types.map((t) => PRODUCT_SPECS[t].noun.toLowerCase());
  const where = input.community ? ` for r/${input.community}` : "";
  const bullets = [
    `Original "${titleCase(input.title)}" design${where}, set in bold, easy-to-read type.`,
    `Available as ${nouns.length > 1 ? `${nouns.slice(0, -1).join(", ")} and ${nouns[nouns.length - 1]}` : `a ${nouns[0]}`}; printed on demand from a 300 DPI file.`,
    `Vivid ${titleCase(input.theme).toLowerCase()} colours that stay crisp on light and dark backgrounds.`,
    "A gift that gets the joke — for birthdays, holidays or just because.",
  ];
  if (types.includes("tee")) bullets.push("Tees: soft cotton, unisex fit; wash inside out, cold.");
  const description = [
    `${titleCase(input.title)} — a ${input.theme.toLowerCase()} design made for people who were there when it was trending${where}.`,
    "",
    ...bullets.map((b) => `• ${b}`),
    "",
    "Each item is printed when you order it, so nothing is wasted.",
  ].join("\n");
  return { title, bullets: bullets.slice(0, 5), tags: buildTags({ ...input, productTypes: types }), description, priceCents: priceFor(types), currency: "usd" };
}
