import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

// Part-of-speech tagging for the local idea writer: wink-nlp with its English "lite" model (an npm
// package, no download at run time). Measured against compromise on the demo posts (bench/ideas.ts):
// wink tags ~10× faster (≈10,000 posts/s vs ≈1,200; compromise's noun-phrase pass ≈400) with
// Universal POS tags and lemmas, which is what typed template slots need.

export type Pos = "ADJ" | "ADP" | "ADV" | "AUX" | "CCONJ" | "DET" | "INTJ" | "NOUN" | "NUM" | "PART" | "PRON" | "PROPN" | "PUNCT" | "SCONJ" | "SYM" | "VERB" | "X" | "SPACE";

export type Token = {
  /** As written. */
  text: string;
  /** Lower case. */
  normal: string;
  lemma: string;
  pos: Pos;
  /** Whitespace before the token in the source (to rebuild spans exactly). */
  space: string;
  /** Index of the sentence (split on . ! ?) the token belongs to. */
  sentence: number;
};

let nlp: ReturnType<typeof winkNLP> | null = null;
const engine = () => (nlp ??= winkNLP(model, ["sbd", "pos"]));

/**
 * Tokens with POS and lemma. A capital that only marks the start of a sentence is lowered first:
 * the tagger otherwise reads "Drink water" or "Plant parents unite" as proper nouns.
 */
export function tag(text: string): Token[] {
  const e = engine();
  const doc = e.readDoc(text.replace(/(^|[.!?:]\s+|\n\s*)(\p{Lu})(?=\p{Ll}*(?![\p{L}\p{N}]))/gu, (_, pre: string, c: string) => pre + c.toLowerCase()));
  const its = e.its;
  const tokens = doc.tokens();
  const words = tokens.out() as string[];
  const pos = tokens.out(its.pos) as Pos[];
  // (wink's typings reject its.lemma here although it works; the cast only silences that.)
  const lemma = tokens.out(its.lemma as unknown as typeof its.value) as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const out: Token[] = [];
  let sentence = 0;
  for (let i = 0; i < words.length; i++) {
    out.push({ text: words[i], normal: words[i].toLowerCase(), lemma: lemma[i].toLowerCase(), pos: pos[i], space: spaces[i], sentence });
    if (pos[i] === "PUNCT" && /^[.!?]+$/.test(words[i])) sentence += 1;
  }
  return out;
}

/** The source text of tokens [from, to). */
export const spanText = (ts: Token[], from: number, to: number) =>
  ts
    .slice(from, to)
    .map((t, i) => (i ? t.space : "") + t.text)
    .join("");
