// A small shipped document-frequency table: the share of Reddit post titles/bodies (sampled from
// the shipped listings plus common English usage) that contain each word. Words not listed are
// treated as rare. IDF = ln(1 + 1 / (df + 0.01)), so very common words weigh ~0.9 and rare ones ~4.6.
export const DOCUMENT_FREQUENCY: Record<string, number> = {
  like: 0.22, get: 0.18, one: 0.2, new: 0.16, time: 0.15, people: 0.14, know: 0.14, think: 0.13, really: 0.13,
  got: 0.12, make: 0.12, first: 0.12, good: 0.12, year: 0.11, years: 0.1, day: 0.1, today: 0.1, made: 0.1,
  want: 0.1, see: 0.1, still: 0.1, back: 0.09, way: 0.09, need: 0.09, going: 0.09, much: 0.09, even: 0.09,
  finally: 0.08, help: 0.08, anyone: 0.08, post: 0.08, best: 0.08, look: 0.08, love: 0.08, thing: 0.07,
  something: 0.07, every: 0.07, never: 0.07, last: 0.07, right: 0.07, work: 0.07, week: 0.06, old: 0.06,
  little: 0.06, big: 0.06, great: 0.06, long: 0.06, well: 0.06, after: 0.06, before: 0.06, thought: 0.06,
  guys: 0.05, thanks: 0.05, question: 0.05, home: 0.05, life: 0.05, world: 0.05, pretty: 0.05, use: 0.05,
  looking: 0.05, found: 0.05, take: 0.05, said: 0.05, two: 0.05, always: 0.05, getting: 0.05, lol: 0.04,
  oc: 0.04, til: 0.03, update: 0.03, reddit: 0.03, sub: 0.03, subreddit: 0.02,
};

export function idf(term: string): number {
  const df = DOCUMENT_FREQUENCY[term] ?? 0;
  return Math.log(1 + 1 / (df + 0.01));
}
