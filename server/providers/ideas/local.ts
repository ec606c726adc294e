import { AppError } from "../../errors";
import { seededRandom, seedFromString } from "../../../lib/random";
import { COMMUNITY_TOPICS, MOODS, MOTIFS, PALETTES, TEMPLATES, TOPIC_STYLES, TYPOGRAPHY, type TemplateFamily } from "./grammar";
import { article, isPluralNoun, singular, titleCase } from "./inflect";
import { extractPhrases, type Phrases, type SlotKind } from "./phrases";
import { tag, type Token } from "./tagger";
import { PRODUCT_TYPES, ZIdeaDraft, type IdeaDraft, type IdeaInput, type IdeaProductType, type IdeaRecipe, type IdeaWriter } from "./types";

// The offline idea writer: typed phrases from the post (phrases.ts) fill typed template slots
// (grammar.ts); the post's own clause wins when it already reads like a slogan; when no template
// fits, a quote-style design from the post's own words. Every candidate is re-tagged before it is
// used, so a slot only keeps a phrase the tagger agrees is of the declared kind.

const TITLE_MAX = 60;
/** Tees and stickers carry short slogans. */
export const SHORT_WORDS_MAX = 6;
const PER_SLOT = 3;

const rng = (seed: string) => seededRandom(seedFromString(seed));
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

/** Words as a shopper counts them ("I'd" is one; "Eat." is one). */
export const sloganWords = (title: string) => title.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
const wordKey = (w: string) => singular(w.toLowerCase().replace(/[^\p{L}\p{N}']/gu, "").replace(/'s$/, ""));
/** The first word that appears twice (plural and singular count as the same word), or null. */
export function doubledWord(title: string): string | null {
  const seen = new Set<string>();
  for (const w of sloganWords(title)) {
    const k = wordKey(w);
    if (seen.has(k)) return k;
    seen.add(k);
  }
  return null;
}

/** Does the tagged slot hold the declared kind of phrase? (Shared rule: the tests re-check it independently.) */
export function slotAgrees(kind: SlotKind, ts: Token[]): boolean {
  const words = ts.filter((t) => /\p{L}/u.test(t.text));
  if (!words.length) return false;
  const last = words[words.length - 1];
  const first = words[0];
  switch (kind) {
    case "noun":
    case "count":
      return last.pos === "NOUN" && words.every((t) => t.pos === "NOUN" || t.pos === "ADJ") && !isPluralNoun(last.normal, last.lemma);
    case "plural":
      return (last.pos === "NOUN" || last.pos === "PROPN") && isPluralNoun(last.normal, last.lemma);
    case "gerund":
      return /ing$/.test(first.normal) && (first.pos === "VERB" || first.pos === "NOUN");
    case "adj":
      return words.length === 1 && first.pos === "ADJ";
    case "name":
      return words.every((t) => t.pos === "PROPN");
    case "verb":
      return words.length === 1 && first.pos === "VERB";
  }
}

/** Tokens of `sentence` whose text starts inside [from, to). */
export function tokensIn(ts: Token[], sentence: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  const lower = sentence.toLowerCase();
  let at = 0;
  for (const t of ts) {
    const i = lower.indexOf(t.normal, at);
    if (i < 0) continue;
    if (i >= from && i < to) out.push(t);
    at = i + t.normal.length;
  }
  return out;
}

type Candidate = {
  family: TemplateFamily;
  pattern: string | null;
  title: string;
  slots: IdeaRecipe["slots"];
  score: number;
  check?: { sentence: string; kind: SlotKind; from: number; to: number };
};
type Planned = { family: TemplateFamily; pattern: string; kind: SlotKind; text: string; score: number } | Candidate;

function fillTemplate(pattern: string, kind: SlotKind, text: string): Pick<Candidate, "title" | "check"> {
  const slotText = pattern.includes("{a}") ? `${article(text)} ${text}` : text;
  const raw = pattern.replace("{a} ", "").replace(`{${kind}}`, "\u0000");
  const before = raw.slice(0, raw.indexOf("\u0000"));
  const after = raw.slice(raw.indexOf("\u0000") + 1);
  // The sentence the tagger checks: template words in lower case, the slot as written in the post.
  const sentenceRaw = before.toLowerCase() + slotText + after.toLowerCase();
  const sentence = sentenceRaw.charAt(0).toUpperCase() + sentenceRaw.slice(1);
  const from = before.length + slotText.length - text.length;
  return { title: titleCase(before + slotText + after), check: { sentence, kind, from, to: from + text.length } };
}

const SLOT_OF = new Map<string, SlotKind>(TEMPLATES.map((t) => [t.pattern, t.pattern.match(/\{(noun|count|plural|gerund|adj|name|verb)\}/)![1] as SlotKind]));

/** Every template × fitting phrase, and the post's strong clauses, best first (filled only when tried). */
function plan(p: Phrases, r: () => number): Planned[] {
  const out: Planned[] = [];
  for (const t of TEMPLATES) {
    const kind = SLOT_OF.get(t.pattern)!;
    for (const ph of p[kind].slice(0, PER_SLOT)) out.push({ family: t.family, pattern: t.pattern, kind, text: ph.text, score: ph.score + r() * 1.5 });
  }
  for (const c of p.clauses.filter((c) => c.strong).slice(0, 2)) out.push({ family: "own", pattern: null, title: titleCase(c.text), slots: [], score: c.score + 3 + r() });
  return out.sort((a, b) => b.score - a.score);
}

const fill = (c: Planned): Candidate => ("kind" in c ? { family: c.family, pattern: c.pattern, ...fillTemplate(c.pattern, c.kind, c.text), slots: [{ kind: c.kind, text: c.text }], score: c.score } : c);

/** The quote-style fallbacks: the post's own clause, or its best noun phrase as a label. */
function fallbacks(p: Phrases, input: IdeaInput, topic: string): Candidate[] {
  const quote = p.clauses[0]?.text ?? p.opening;
  const label = p.nounPhrases.find((n) => n.text.includes(" "))?.text ?? p.nounPhrases[0]?.text ?? input.keywords[0] ?? topic;
  return [
    { family: "quote", pattern: null, title: titleCase(quote), slots: [], score: 0 },
    { family: "label", pattern: null, title: titleCase(label), slots: [], score: 0 },
  ];
}

export function topicFor(community: string | null, words: string[]): string {
  const c = (community ?? "").toLowerCase();
  for (const [re, topic] of COMMUNITY_TOPICS) if (c && re.test(c)) return topic;
  for (const [re, topic] of COMMUNITY_TOPICS) if (words.some((w) => re.test(w))) return topic;
  return words[0] ?? (c || "everyday life");
}

function productTypesFor(r: () => number, topic: string, forced?: IdeaProductType[]): IdeaProductType[] {
  if (forced?.length) return [...new Set(forced)];
  const out = new Set<IdeaProductType>(["tee", "sticker"]);
  if (/coffee|cozy|developer|wordplay|pet|book/.test(topic) || r() < 0.4) out.add("mug");
  if (/space|creative|retro|nature|fandom|science|music/.test(topic) || r() < 0.3) out.add("poster");
  return PRODUCT_TYPES.filter((p) => out.has(p));
}

/** Why this candidate cannot be printed, or null when it can. */
function reject(c: Candidate, input: IdeaInput, maxWords: number): string | null {
  if (c.family === input.previousFamily) return "same family as the community's last idea";
  if (c.title.length > TITLE_MAX || c.title.length < 3) return "length";
  if (sloganWords(c.title).length > maxWords) return "too many words";
  if (doubledWord(c.title)) return "doubled word";
  const unsafe = input.screen?.(c.title);
  if (unsafe) return unsafe;
  if (c.check) {
    const slot = tokensIn(tag(c.check.sentence), c.check.sentence, c.check.from, c.check.to);
    const covered = slot.map((t) => t.normal).join(" ") === c.check.sentence.slice(c.check.from, c.check.to).toLowerCase();
    if (!covered || !slotAgrees(c.check.kind, slot)) return "slot disagrees";
  }
  return null;
}

/** A phrase-and-template idea: slogan, theme from the community and mood, and a full image brief. */
export function writeLocalIdea(input: IdeaInput): IdeaDraft {
  const r = rng(input.signalId);
  const community = (input.community ?? "").toLowerCase();
  const p = extractPhrases({ title: input.title, body: input.body, keywords: input.keywords, community: input.community, wordplay: /pun|joke/.test(community) });
  const nouns = p.noun.map((n) => n.text);
  const topic = topicFor(input.community, [...nouns, ...input.keywords]);
  const products = productTypesFor(r, topic, input.productTypes);
  const maxWords = products.some((t) => t === "tee" || t === "sticker") ? SHORT_WORDS_MAX : 10;

  let chosen: Candidate | null = null;
  for (const planned of [...plan(p, r), ...fallbacks(p, input, topic)]) {
    if (planned.family === input.previousFamily) continue;
    const c = fill(planned);
    if (!reject(c, input, maxWords)) {
      chosen = c;
      break;
    }
  }
  if (!chosen) throw new AppError("UNPROCESSABLE", `No printable slogan could be written from "${input.title.slice(0, 80)}"`);

  const style = input.style?.trim() || TOPIC_STYLES[topic] || pick(r, ["flat vector", "screen-print", "woodcut", "risograph"]);
  const mood = pick(r, MOODS);
  const theme = `${mood} ${topic}`.slice(0, 60);
  const fills = chosen.slots.map((s) => s.text);
  const own = chosen.family === "own" || chosen.family === "quote" || chosen.family === "label" ? [chosen.title.toLowerCase()] : [];
  const phrases = [...new Set([...fills, ...own, ...p.nounPhrases.slice(0, 4).map((n) => n.text), ...p.gerund.slice(0, 1).map((g) => g.text)])].slice(0, 8);
  const subject = p.nounPhrases[0]?.text ?? input.keywords[0] ?? topic;
  const accents = p.nounPhrases.slice(1, 4).map((n) => n.text).filter((n) => !subject.includes(n));
  const typography = chosen.family === "quote" ? "quote-style layout with oversized curly quotation marks, hand-set serif" : pick(r, TYPOGRAPHY);
  const imagePrompt = [
    `${typography} reading "${chosen.title}"`,
    `with ${pick(r, MOTIFS).replace("{K}", subject)}${accents.length ? `, small accents hinting at ${accents.join(", ")}` : ""}`,
    `${pick(r, PALETTES)} palette`,
    `${style} style, ${mood} mood`,
    `centered composition, transparent background, crisp edges, print-ready for ${products.join(", ")}`,
  ].join("; ");
  const draft = ZIdeaDraft.parse({ theme, title: chosen.title, imagePrompt, productTypes: products });
  return { ...draft, recipe: { family: chosen.family, pattern: chosen.pattern, slots: chosen.slots, phrases } };
}

export const localIdeaWriter: IdeaWriter = {
  name: "local",
  promptVersion: "local-phrases@2",
  async write(input) {
    return writeLocalIdea(input);
  },
};
