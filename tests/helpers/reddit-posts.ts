import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { judgeContent } from "../../server/services/moderation/check-content";
import { compileDenylist, parseDenylist, type Denylist } from "../../server/services/moderation/denylist";

export type DemoPost = { id: string; community: string; title: string; body: string; over18: boolean };

/** Every distinct post in data/reddit/ (popular.json repeats some; each id once), in file order. */
export function demoPosts(dir = join(process.cwd(), "data", "reddit")): DemoPost[] {
  const seen = new Set<string>();
  const out: DemoPost[] = [];
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const listing = JSON.parse(readFileSync(join(dir, f), "utf8")) as { data: { children: Array<{ data: { id: string; subreddit: string; title: string; selftext?: string; over_18?: boolean } }> } };
    for (const { data: d } of listing.data.children) {
      if (seen.has(d.id)) continue;
      seen.add(d.id);
      out.push({ id: d.id, community: d.subreddit, title: d.title, body: d.selftext ?? "", over18: d.over_18 ?? false });
    }
  }
  return out;
}

/** The shipped denylist, read synchronously (data/denylist.txt). */
export const shippedDenylist = (): Denylist => compileDenylist(parseDenylist(readFileSync(join(process.cwd(), "data", "denylist.txt"), "utf8")));

/** The posts ingestion would keep (the same content check): only these ever reach the idea writer. */
export function printablePosts(denylist = shippedDenylist()): DemoPost[] {
  return demoPosts().filter((p) => judgeContent({ title: p.title, body: p.body, community: p.community, over18: p.over18, subredditNsfw: false }, denylist).ok);
}

/** The writer's final-text screen as write-idea.ts builds it. */
export const screenWith = (denylist: Denylist) => (text: string) => {
  const v = judgeContent({ title: text, over18: false, subredditNsfw: false }, denylist);
  return v.ok ? null : v.reason;
};
