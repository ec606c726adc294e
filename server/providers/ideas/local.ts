import { tokenize } from "../embeddings/text";
import { COMMUNITY_TOPICS, MOODS, MOTIFS, PALETTES, SLOGANS, TOPIC_STYLES, TYPOGRAPHY } from "./grammar";
import { PRODUCT_TYPES, ZIdeaDraft, type IdeaDraft, type IdeaInput, type IdeaProductType, type IdeaWriter } from "./types";
import { seededRandom, seedFromString } from "../../../lib/random";

const TITLE_MAX = 60;

/** Deterministic per signal id, so the same post gets the same idea. */
const rng = (seed: string) => seededRandom(seedFromString(seed));
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const titleCase = (s: string) => s.replace(/\b\p{L}/gu, (c) => c.toUpperCase());

/**
 * The post's key phrase: ingestion's first keyword (multi-word keywords stay whole, e.g.
 * "mechanical keyboard"), else the longest title word. `words` are all keyword tokens.
 */
export function keyPhrase(input: Pick<IdeaInput, "keywords" | "title">): { phrase: string; words: string[] } {
  const phrases = input.keywords.map((k) => tokenize(k).join(" ")).filter(Boolean);
  const words = [...new Set(phrases.flatMap((p) => p.split(" ")))];
  if (phrases.length) return { phrase: phrases[0], words };
  const fromTitle = [...new Set(tokenize(input.title))].sort((a, b) => b.length - a.length);
  return fromTitle.length ? { phrase: fromTitle[0], words: fromTitle } : { phrase: "good vibes", words: [] };
}

/** Title Case, but words written in capitals in the post (JWST, NASA) stay that way. */
function displayCase(phrase: string, postTitle: string) {
  const caps = new Set(postTitle.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1 && w === w.toUpperCase() && /\p{L}/u.test(w)).map((w) => w.toLowerCase()));
  return phrase
    .split(" ")
    .map((w) => (caps.has(w) ? w.toUpperCase() : titleCase(w)))
    .join(" ");
}

export function topicFor(community: string | null, words: string[]): string {
  const c = (community ?? "").toLowerCase();
  for (const [re, topic] of COMMUNITY_TOPICS) if (c && re.test(c)) return topic;
  for (const [re, topic] of COMMUNITY_TOPICS) if (words.some((w) => re.test(w))) return topic;
  return words[0] ?? (c || "everyday life");
}

function slogan(r: () => number, phrase: string, postTitle: string): string {
  const k = displayCase(phrase, postTitle);
  const start = Math.floor(r() * SLOGANS.length);
  for (let i = 0; i < SLOGANS.length; i++) {
    const s = SLOGANS[(start + i) % SLOGANS.length].replace("{K}", k);
    if (s.length <= TITLE_MAX) return s;
  }
  return k.slice(0, TITLE_MAX).trim();
}

function productTypesFor(r: () => number, topic: string, forced?: IdeaProductType[]): IdeaProductType[] {
  if (forced?.length) return [...new Set(forced)];
  const out = new Set<IdeaProductType>(["tee", "sticker"]);
  if (/coffee|cozy|developer|wordplay|pet|book/.test(topic) || r() < 0.4) out.add("mug");
  if (/space|creative|retro|nature|fandom|science|music/.test(topic) || r() < 0.3) out.add("poster");
  return PRODUCT_TYPES.filter((p) => out.has(p));
}

/** A grammar-based idea: theme from the community and mood, slogan from the post, a full image brief. */
export function writeLocalIdea(input: IdeaInput): IdeaDraft {
  const r = rng(input.signalId);
  const { phrase, words } = keyPhrase(input);
  const topic = topicFor(input.community, words);
  const style = input.style?.trim() || TOPIC_STYLES[topic] || pick(r, ["flat vector", "screen-print", "woodcut", "risograph"]);
  const mood = pick(r, MOODS);
  const theme = `${mood} ${topic}`.slice(0, 60);
  const title = slogan(r, phrase, input.title);
  const products = productTypesFor(r, topic, input.productTypes);
  const motif = pick(r, MOTIFS).replace("{K}", phrase);
  const extra = words.filter((w) => !phrase.includes(w)).slice(0, 3);
  const imagePrompt = [
    `${pick(r, TYPOGRAPHY)} reading "${title}"`,
    `with ${motif}${extra.length ? `, small accents hinting at ${extra.join(", ")}` : ""}`,
    `${pick(r, PALETTES)} palette`,
    `${style} style, ${mood} mood`,
    `centered composition, transparent background, crisp edges, print-ready for ${products.join(", ")}`,
  ].join("; ");
  return ZIdeaDraft.parse({ theme, title, imagePrompt, productTypes: products });
}

export const localIdeaWriter: IdeaWriter = {
  name: "local",
  promptVersion: "local-grammar@1",
  async write(input) {
    return writeLocalIdea(input);
  },
};
