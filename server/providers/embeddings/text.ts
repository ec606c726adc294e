// Tokenising shared by the local embedding and the local idea writer.

export const STOPWORDS = new Set(
  (
    "a an the and or but if then else of to in on at by for with from into onto over under about above below " +
    "is am are was were be been being do does did done have has had having i me my mine we us our ours you your yours " +
    "he him his she her hers it its they them their theirs this that these those there here what which who whom whose " +
    "when where why how all any both each few more most other some such no nor not only own same so than too very " +
    "can could should would will shall may might must just also s t d ll m re ve y im ive dont cant wont isnt didnt " +
    "doesnt aren wasnt thats whats as up down out off again further once"
  ).split(" "),
);

/** Lower-case word tokens (letters/digits, apostrophes folded), stopwords and 1-char tokens removed. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  const words = text.toLowerCase().replace(/['’]/g, "").split(/[^\p{L}\p{N}]+/u);
  for (const w of words) {
    if (w.length < 2 || STOPWORDS.has(w)) continue;
    out.push(w);
  }
  return out;
}

/** FNV-1a 32-bit hash (unsigned). */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
