// English inflection the templates need: gerunds from verb lemmas, singular nouns for modifier
// slots, articles and title case. Small rule sets with the irregular cases that occur in practice.

const IRREGULAR_SINGULAR: Record<string, string> = {
  people: "person", children: "child", mice: "mouse", geese: "goose", teeth: "tooth", feet: "foot", men: "man", women: "woman", dice: "dice",
  leaves: "leaf", loaves: "loaf", knives: "knife", wolves: "wolf", lives: "life", shelves: "shelf", halves: "half", cacti: "cactus",
};
/** Nouns that are plural in form and meaning but do not end in -s (the tagger knows them as nouns). */
export const IRREGULAR_PLURALS = new Set(Object.keys(IRREGULAR_SINGULAR));

/** Nouns ending in s that are not plurals. */
const S_SINGULARS = /(ss|us|sis|tis|xis|ics|ous)$|^(news|chess|bus|gas|yes|series|species|lens|canvas|atlas|christmas|always|perhaps|whereas)$/;

/** Is this (lower-case) noun a plural form? `lemma` is the tagger's lemma. */
export function isPluralNoun(normal: string, lemma: string): boolean {
  if (IRREGULAR_PLURALS.has(normal)) return true;
  if (!/[a-z]s$/.test(normal) || S_SINGULARS.test(normal)) return false;
  return lemma !== normal || /[^s']s$/.test(normal);
}

/** Singular of a plural noun (for "Meeple Club" from "meeples"). */
export function singular(word: string): string {
  const w = word.toLowerCase();
  if (IRREGULAR_SINGULAR[w]) return IRREGULAR_SINGULAR[w];
  if (!/s$/.test(w) || S_SINGULARS.test(w)) return w;
  if (/[^aeiou]ies$/.test(w)) return w.slice(0, -3) + "y";
  if (/(ch|sh|x|z|ss)es$/.test(w)) return w.slice(0, -2);
  if (/oes$/.test(w) && !/(shoes|toes)$/.test(w)) return w.slice(0, -2);
  return w.slice(0, -1);
}

/** Plural of a singular count noun: table → tables, cherry → cherries, box → boxes. */
export function plural(word: string): string {
  const w = word.toLowerCase();
  const irregular = Object.entries(IRREGULAR_SINGULAR).find(([, one]) => one === w);
  if (irregular && w !== "dice") return irregular[0];
  if (/[^aeiou]y$/.test(w)) return w.slice(0, -1) + "ies";
  if (/(s|x|z|ch|sh)$/.test(w) || /^(potato|tomato|hero|echo|mango|volcano|torpedo)$/.test(w)) return w + "es";
  return w + "s";
}

/** Gerund of a verb lemma: bake → baking, roll → rolling, plan → planning, die → dying. */
export function gerund(lemma: string): string {
  const v = lemma.toLowerCase();
  if (v.endsWith("ing") && v.length > 5) return v;
  if (v === "be") return "being";
  if (/ie$/.test(v)) return v.slice(0, -2) + "ying";
  if (/(ee|oe|ye)$/.test(v)) return v + "ing";
  if (/[^aeiou]e$/.test(v) || /ue$/.test(v)) return v.slice(0, -1) + "ing";
  // Double a final consonant after a single stressed vowel in one-syllable verbs (run, plan, stop).
  const syllables = v.match(/[aeiouy]+/g)?.length ?? 0;
  if (syllables === 1 && /[^aeiou][aeiou][bdgklmnprt]$/.test(v)) return v + v.slice(-1) + "ing";
  return v + "ing";
}

/** "a" or "an" for the word that follows (by sound for the common exceptions). */
export function article(next: string): "a" | "an" {
  const w = next.toLowerCase();
  if (/^(hour|honest|honou?r|heir)/.test(w)) return "an";
  if (/^(uni|use|usu|ure|eu|one|once|ufo)/.test(w)) return "a";
  return /^[aeiou]/.test(w) ? "an" : "a";
}

const SMALL = new Set(["a", "an", "the", "and", "but", "or", "nor", "of", "to", "in", "on", "at", "by", "for", "with", "as", "from"]);

/**
 * Title Case for a slogan: every word capitalised except short function words inside it; words the
 * source wrote with inner capitals or in capitals (JWST, iPhone) are kept as written.
 */
export function titleCase(s: string): string {
  const words = s.split(" ");
  return words
    .map((w, i) => {
      if (/\p{Lu}/u.test(w.slice(1))) return w;
      const lower = w.toLowerCase();
      const prev = words[i - 1] ?? "";
      const afterBreak = i === 0 || /[.:!?;—–]$/.test(prev);
      if (!afterBreak && i < words.length - 1 && SMALL.has(lower)) return lower;
      return lower.replace(/^(\P{L}*)(\p{L})/u, (_, p: string, c: string) => p + c.toUpperCase());
    })
    .join(" ");
}
