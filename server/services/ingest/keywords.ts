// Keywords for scoring and idea prompts: words from the title (counted twice) and the body,
// stopwords and noise removed, ranked by weight then first appearance.

const STOPWORDS = new Set(
  `a about above after again against all almost also am an and any are aren't as at be because been before being
  below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each
  even ever every few for from further get gets got had hadn't has hasn't have haven't having he he'd he'll he's her
  here here's hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself
  just let's like made make makes many may me might more most much must mustn't my myself never new no nor not now
  of off on once one only or other ought our ours ourselves out over own really same say says said see seen shan't
  she she'd she'll she's should shouldn't so some still such than that that's the their theirs them themselves then
  there there's these they they'd they'll they're they've thing things this those though through to too under until
  up upon us very via was wasn't way we we'd we'll we're we've well went were weren't what what's when when's where
  where's whether which while who who's whom why why's will with won't would wouldn't yet you you'd you'll you're
  you've your yours yourself yourselves im ive dont cant wont thats youre isnt didnt doesnt got gonna wanna
  today yesterday tomorrow week day days year years time times first last next back going went come came know
  think want need look looks looking lol lmao omg til psa oc anyone someone something everyone nothing people
  guys guy reddit subreddit post posted posting update edit amp nbsp https http www com jpg png gif imgur
  redd redditmedia removed deleted two three four five six seven eight nine ten`
    .split(/\s+/)
    .filter(Boolean),
);

export function tokenize(text: string): string[] {
  return (
    text
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase()
      .replace(/https?:\/\/\S+/g, " ")
      .replace(/[’‘]/g, "'")
      .match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? []
  );
}

export function extractKeywords(title: string, body = "", max = 8): string[] {
  const weights = new Map<string, { w: number; first: number }>();
  let pos = 0;
  const add = (text: string, weight: number) => {
    for (const raw of tokenize(text)) {
      const t = raw.replace(/'s$/, "");
      pos++;
      if (t.length < 3 || t.length > 30 || STOPWORDS.has(t) || /^\d+$/.test(t)) continue;
      const cur = weights.get(t);
      if (cur) cur.w += weight;
      else weights.set(t, { w: weight, first: pos });
    }
  };
  add(title, 2);
  add(body.slice(0, 4000), 1);
  return [...weights.entries()]
    .sort((a, b) => b[1].w - a[1].w || a[1].first - b[1].first)
    .slice(0, max)
    .map(([t]) => t);
}
