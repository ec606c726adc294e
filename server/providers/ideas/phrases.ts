import { gerund, isPluralNoun, plural as pluralOf, singular } from "./inflect";
import { spanText, tag, type Token } from "./tagger";

// Phrases of a post, typed by what a template slot can take: nouns (as modifiers and countable
// singulars), plural noun phrases, gerunds, predicative adjectives, names, base verbs, and the post's
// own short clauses. Each carries a strength score: title over body, keywords over other words,
// specific words over generic ones.

export type SlotKind = "noun" | "count" | "plural" | "gerund" | "adj" | "name" | "verb";
export type Phrase = { text: string; score: number };
export type Phrases = Record<SlotKind, Phrase[]> & {
  /** Short clauses from the title, best first; `strong` ones read as slogans on their own. */
  clauses: Array<Phrase & { strong: boolean }>;
  /** The title's opening words (≤ 6, ending on a content word): the last-resort quote. */
  opening: string;
  /** Noun phrases of 1–3 words (the listing copy and the quote fallback use them). */
  nounPhrases: Phrase[];
};

/** Nouns too generic to carry a design. */
const GENERIC_NOUNS = new Set(
  "eye eyes hand hands face head heart time times day days year years vibe vibes issue issues note notes choice choices regret regrets week weeks month months hour hours minute minutes today tonight thing things stuff way ways lot lots bit kind part end side top row size photo photos pic pics picture pictures post posts update thread reaction list tier tour rate someone something everyone everything anyone anything nothing one ones people person guy guys first last other others number place home reason question answer idea ideas attempt version edit oc graphic spoiler progress result results".split(" "),
);
/** People: a design celebrates things and pastimes, not "Chief Teacher Officer". */
const PERSON_NOUNS = new Set(
  "boy boys girl girls man men woman women kid kids child children mom mum dad parent grandma grandpa grandmother grandfather partner friend friends teacher teachers photographer baker barista neighbor neighbour stranger human humans person driver librarian sister brother husband wife fan fans student students someone somebody everyone guy".split(" "),
);
/** Adjectives too plain for a slogan of their own ("Stay Bad"). */
const DULL_ADJ = new Set("good bad big small little great nice ok okay fine normal serious new old".split(" "));
/** Nouns that read badly counted ("Just One More Coffee" is fine, "Just One More Chess" is not). */
const MASS_NOUNS = new Set(
  "coffee tea beer wine milk bread cheese food garlic lavender chess water rain snow compost garbage salsa tuna advice music art dough bacon gravel foam corn sleep laundry therapy cardio chill furniture homework information news weather traffic money wood hair space love life luck fun anxiety caffeine decaf espresso brew".split(" "),
);
/** Verbs that say little on their own. */
const LIGHT_VERBS = new Set(
  "be have do get make go say take come see know think want need let use seem try give put keep call find tell mean look feel become leave show ask turn start begin happen include continue set learn decide supposed".split(" "),
);
const ADJ_STOP = new Set("more most few less least last first new other same own whole entire many much next such only several single various certain main late early sure real".split(" "));
const NOT_NAMES = new Set("monday tuesday wednesday thursday friday saturday sunday mondays sundays january february march april may june july august september october november december halloween christmas easter update reminder oc".split(" "));
const META = /\b(update|tier list|rate my|reaction|spoiler|post-op|graphic|weekly|thread|oc|before and after|tax|pics?|photos?|tour|appreciation post|taking this down)\b/i;
const NOT_GERUND_ING = new Set("morning evening thing something nothing anything everything ceiling building wedding king spring string sibling pudding during".split(" "));

const isWord = (t: Token) => /\p{L}/u.test(t.text);
const startsSentence = (ts: Token[], i: number) => i === 0 || (ts[i - 1].pos === "PUNCT" && /^[.!?:;]+$/.test(ts[i - 1].text)) || /\n/.test(ts[i].space);
const isAcronym = (w: string) => w.length > 1 && w === w.toUpperCase() && /\p{L}/u.test(w);

/** How a word is written inside a phrase: lower case unless a name or an acronym. */
function written(ts: Token[], i: number): string {
  const t = ts[i];
  if (isAcronym(t.text)) return t.text;
  if (t.pos === "PROPN" && !startsSentence(ts, i)) return t.text;
  return t.normal;
}

type Acc = Map<string, Phrase>;
function add(acc: Acc, text: string, score: number) {
  const key = text.toLowerCase();
  const hit = acc.get(key);
  if (hit) hit.score = Math.max(hit.score, score) + 0.5;
  else acc.set(key, { text, score });
}
const sorted = (acc: Acc) => [...acc.values()].sort((a, b) => b.score - a.score || a.text.localeCompare(b.text));

/** Noun-like at this position: a NOUN, or a sentence-initial "PROPN" that the tagger only capitalised. */
const nounish = (ts: Token[], i: number) =>
  (ts[i].pos === "NOUN" && !(ts[i + 1]?.pos === "PRON" && OBJECT_PRONOUNS.test(ts[i + 1].normal))) ||
  (ts[i].pos === "PROPN" && startsSentence(ts, i) && !isAcronym(ts[i].text) && ts[i + 1]?.pos === "NOUN");
/** A "noun" followed by an object pronoun ("dog wakes me") is a verb the tagger missed. */
const OBJECT_PRONOUNS = /^(me|us|him|them|her|it)$/;
/** Words before a noun that say it is counted: "one more turn", "another game", "every sunday". */
const COUNTING = /^(one|another|every|each|more)$/;

/** A noun inside an adverbial ("for the first time", "outside the bakery") is rarely the subject. */
function inAdverbial(ts: Token[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && ["ADJ", "NOUN", "DET", "PRON", "NUM"].includes(ts[k].pos) && !(ts[k].pos === "PRON" && !/^(my|our|your|his|her|their|its)$/.test(ts[k].normal))) k--;
  return k >= 0 && ts[k].pos === "ADP" && ts[k].normal !== "of";
}

function collect(ts: Token[], weight: number, keywords: Set<string>, topical: (noun: string) => number, acc: Record<SlotKind | "np", Acc>) {
  const kw = (t: Token) => (keywords.has(t.normal) || keywords.has(t.lemma) ? 1 : 0);
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i];
    if (!isWord(t)) continue;
    // Nouns and noun compounds (1–2 words ending in a noun); plurals keep their form for plural slots.
    const censored = /^[*-]$/.test(ts[i - 1]?.text ?? "") || /^[*-]$/.test(ts[i + 1]?.text ?? "");
    if (nounish(ts, i) && !censored && !GENERIC_NOUNS.has(t.normal) && !PERSON_NOUNS.has(t.normal) && /^\p{L}[\p{L}-]{2,}$/u.test(t.normal)) {
      const plural = isPluralNoun(t.normal, t.lemma);
      const base = weight + kw(t) + topical(singular(t.normal)) - (inAdverbial(ts, i) ? 0.75 : 0);
      const head = plural ? singular(t.normal) : t.normal;
      const prev = i > 0 && !startsSentence(ts, i) ? ts[i - 1] : null;
      const prevUsable = prev && /^\p{L}[\p{L}-]{2,}$/u.test(prev.normal) && ts[i - 2]?.text !== "-" && !GENERIC_NOUNS.has(prev.normal) && !PERSON_NOUNS.has(prev.normal);
      const prevOk = prevUsable && (prev.pos === "NOUN" || (prev.pos === "ADJ" && !ADJ_STOP.has(prev.normal) && !DULL_ADJ.has(prev.normal)));
      const prevNounOk = prevUsable && prev.pos === "NOUN" && !isPluralNoun(prev.normal, prev.lemma);
      add(acc.noun, head, base);
      if (prevNounOk) add(acc.noun, `${prev.normal} ${head}`, base + kw(prev) + 0.5);
      if (plural) {
        add(acc.plural, t.normal, base);
        if (prevOk) add(acc.plural, `${prev.normal} ${t.normal}`, base + kw(prev) + 0.5);
      }
      // Countable: seen in the plural or counted ("one more turn"); never a mass noun.
      const counted = plural || (i > 0 && COUNTING.test(ts[i - 1].normal));
      if (counted && !MASS_NOUNS.has(head)) {
        add(acc.count, head, base);
        if (prevNounOk) add(acc.count, `${prev.normal} ${head}`, base + kw(prev) + 0.5);
      }
      // Longer noun phrases for the quote fallback and the listing copy.
      let j = i;
      while (j > 0 && i - j < 2 && !startsSentence(ts, j) && isWord(ts[j - 1]) && ["ADJ", "NOUN", "PROPN"].includes(ts[j - 1].pos) && !ADJ_STOP.has(ts[j - 1].normal)) j--;
      const words: string[] = [];
      for (let k = j; k <= i; k++) words.push(written(ts, k));
      add(acc.np, words.join(" "), base + (i - j) * 0.5);
    }
    // Names: a proper noun inside a sentence (or introduced: "Meet Biscuit", "This is Pickles").
    if (t.pos === "PROPN" && !isAcronym(t.text) && !NOT_NAMES.has(t.normal) && /^\p{Lu}/u.test(t.text)) {
      const prev = ts[i - 1];
      const introduced = prev && /^(meet|is|called|named)$/.test(prev.normal);
      const partOfTitle = (ts[i + 1]?.pos === "ADP" && ts[i + 2]?.pos === "PROPN") || (prev?.pos === "ADP" && ts[i - 2]?.pos === "PROPN");
      const inRun = prev?.pos === "PROPN" || ts[i + 1]?.pos === "PROPN" || prev?.text === "-" || ts[i + 1]?.text === "-";
      if ((introduced || !startsSentence(ts, i)) && !partOfTitle && !inRun) add(acc.name, t.text, weight + (introduced ? 2 : 0));
    }
    // Verbs: a gerund with its noun object ("flipping the table" → "flipping tables"); a bare gerund
    // only where the post itself wrote the -ing form; base verbs for the routine template.
    // (A base form right after "is/are" is a noun the tagger misread: "clouds are sky pillows".)
    const k0 = i > 0 && ts[i - 1].pos === "ADV" ? i - 2 : i - 1;
    const afterBe = k0 >= 0 && ts[k0].lemma === "be" && t.normal === t.lemma;
    // An unknown word the lemmatizer could not undo ("borked") has no safe base form.
    const unknownPast = t.normal === t.lemma && /ed$/.test(t.normal);
    if (t.pos === "VERB" && !afterBe && !unknownPast && !NOT_GERUND_ING.has(t.normal) && !LIGHT_VERBS.has(t.lemma) && t.lemma.length > 2 && /^[a-z]+$/.test(t.lemma)) {
      const next = ts[i + 1];
      let k = i + 1;
      if (next && (next.pos === "DET" || (next.pos === "PRON" && /^(my|our|your|his|her|their)$/.test(next.normal)))) k++;
      const o = ts[k];
      const object = o && o.pos === "NOUN" && /^\p{L}+$/u.test(o.normal) && !GENERIC_NOUNS.has(o.normal) && !PERSON_NOUNS.has(o.normal) && ts[k + 1]?.pos !== "NOUN" ? o : null;
      const base = weight + kw(t);
      if (object) {
        const obj = isPluralNoun(object.normal, object.lemma) || MASS_NOUNS.has(object.normal) ? object.normal : pluralOf(object.normal);
        add(acc.gerund, `${gerund(t.lemma)} ${obj}`, base + kw(object) + 0.5);
      } else if (/ing$/.test(t.normal) && (!next || ["PUNCT", "ADP", "CCONJ", "ADV"].includes(next.pos))) add(acc.gerund, t.normal, base);
      if (!object && t.normal === t.lemma && (!next || next.pos === "PUNCT")) add(acc.verb, t.lemma, base);
    }
    if (t.pos === "NOUN" && /ing$/.test(t.normal) && t.normal.length > 5 && !NOT_GERUND_ING.has(t.normal)) add(acc.gerund, t.normal, weight + kw(t));
    // Adjectives said of something ("she's insufferable", "it's tiny", "never been happier").
    if (t.pos === "ADJ" && !ADJ_STOP.has(t.lemma) && /^[a-z-]+$/.test(t.lemma) && t.lemma.length > 2) {
      let k = i - 1;
      while (k >= 0 && ts[k].pos === "ADV") k--;
      const predicative = k >= 0 && (ts[k].pos === "AUX" || (ts[k].pos === "VERB" && /^(feel|look|stay|seem|get)$/.test(ts[k].lemma)));
      const listed = (k < 0 || /^[:,]$/.test(ts[k].text)) && (!ts[i + 1] || /^[,.!]$/.test(ts[i + 1].text));
      if ((predicative || listed) && !DULL_ADJ.has(t.lemma)) add(acc.adj, t.lemma, weight + kw(t));
    }
  }
}

const BAD_FIRST = new Set(["CCONJ", "SCONJ", "ADP", "AUX", "PART", "PUNCT"]);
const BAD_LAST = new Set(["CCONJ", "SCONJ", "ADP", "AUX", "DET", "PART", "PUNCT"]);

/** The title's short clauses (split on sentence and clause punctuation), scored for slogan-ness. */
function clausesOf(ts: Token[], wordplay: boolean): Array<Phrase & { strong: boolean }> {
  const cuts: Array<[number, number]> = [];
  let s = 0;
  let sentenceStart = 0;
  for (let i = 0; i <= ts.length; i++) {
    const t = ts[i];
    const end = !t || (t.pos === "PUNCT" && /^[.!?:;,()—–]+$|^-$/.test(t.text) && t.text !== "'");
    if (!end) continue;
    if (i > s) cuts.push([s, i]);
    if (sentenceStart < s && i > sentenceStart) cuts.push([sentenceStart, i]); // the whole sentence too
    if (!t || /^[.!?:;]+$/.test(t.text)) sentenceStart = i + 1;
    s = i + 1;
  }
  const out = new Map<string, Phrase & { strong: boolean }>();
  for (const [a, b] of cuts) {
    const span = ts.slice(a, b);
    const words = span.filter((t, k) => isWord(t) && (k === 0 || t.space !== "" || !/^'/.test(t.text)));
    if (words.length < 2 || words.length > 6) continue;
    if (BAD_FIRST.has(span[0].pos) || BAD_LAST.has(span[span.length - 1].pos)) continue;
    if (span.some((t) => (t.pos === "NUM" && /\d/.test(t.text)) || /^[?*()[\]]$/.test(t.text))) continue;
    if (/^(why|when|what|how|who|is|are|does|do|did)$/.test(span[0].normal) || ts[b]?.text === "?") continue;
    const text = spanText(ts, a, b).replace(/^["'“‘]+|["'”’]+$/g, "");
    if (META.test(text)) continue;
    if (new Set(words.map((w) => w.normal)).size !== words.length) continue;
    let score = 0;
    const past = span.some((t) => t.pos === "VERB" && t.normal !== t.lemma && !/(ing|s)$/.test(t.normal));
    const hasVerb = span.some((t) => t.pos === "VERB" || t.pos === "AUX");
    const pronouns = span.filter((t) => t.pos === "PRON").length;
    if (span[0].pos === "VERB" && span[0].normal === span[0].lemma) score += 2; // imperative: "Send help", "Drink water"
    else if (hasVerb && !past) score += 1; // present-tense statement: "Plant parents unite"
    else if (!hasVerb && (words.length >= 3 || /^(no|only)$/.test(words[0].normal) || words[words.length - 1].normal === "only") && span.some((t) => t.pos === "ADJ" || t.pos === "NUM" || t.normal === "no"))
      score += 1; // "Nine lives, zero chill", "No regrets"
    if (past) score -= 2;
    if (pronouns === 0) score += 1;
    else if (span.some((t) => /^(he|she|it|they|him|her|his|its|their|them)$/.test(t.normal))) score -= 1;
    if (span[0].pos === "PRON" && /^(my|our)$/.test(span[0].normal)) score -= 1;
    const whole = a === 0 && b >= ts.length - 1;
    if (wordplay) score += whole ? 2.5 : -1; // a pun only works whole
    if (whole) score += 0.5;
    if (span[0].pos === "ADV" && !/^(just|never|always)$/.test(span[0].normal)) score -= 2;
    if (words.length <= 4) score += 0.5;
    if (!out.has(text.toLowerCase())) out.set(text.toLowerCase(), { text, score, strong: score >= 2.5 });
  }
  return [...out.values()].sort((x, y) => y.score - x.score || x.text.length - y.text.length);
}

function openingOf(ts: Token[]): string {
  let end = 0;
  let words = 0;
  while (end < ts.length && words < 6 && !/^[.!?:;()]$/.test(ts[end].text)) words += isWord(ts[end++]) ? 1 : 0;
  while (end > 1 && (BAD_LAST.has(ts[end - 1].pos) || ts[end - 1].pos === "ADJ" || ts[end - 1].pos === "PRON")) end--;
  return spanText(ts, 0, end);
}

const BODY_CHARS = 600;

/** Every typed phrase of a post (title weighs twice the body). */
export function extractPhrases(input: { title: string; body: string; keywords: string[]; community?: string | null; wordplay?: boolean }): Phrases {
  const keywords = new Set(input.keywords.flatMap((k) => k.toLowerCase().split(/\s+/)));
  const community = (input.community ?? "").toLowerCase();
  // A noun the community is named after ("cat" in r/cats, "game" in r/boardgames) is on topic.
  const topical = (noun: string) => (community.length > 2 && noun.length > 2 && community.includes(noun) ? 0.5 : 0);
  const acc: Record<SlotKind | "np", Acc> = { noun: new Map(), count: new Map(), plural: new Map(), gerund: new Map(), adj: new Map(), name: new Map(), verb: new Map(), np: new Map() };
  const title = tag(input.title);
  collect(title, 2, keywords, topical, acc);
  const body = input.body.trim();
  if (body && !/^\[(removed|deleted)\]$/.test(body)) collect(tag(body.slice(0, BODY_CHARS)), 1, keywords, topical, acc);
  return {
    noun: sorted(acc.noun),
    count: sorted(acc.count),
    plural: sorted(acc.plural),
    gerund: sorted(acc.gerund),
    adj: sorted(acc.adj),
    name: sorted(acc.name),
    verb: sorted(acc.verb),
    nounPhrases: sorted(acc.np),
    clauses: clausesOf(title, input.wordplay ?? false),
    opening: openingOf(title),
  };
}
