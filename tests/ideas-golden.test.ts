import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeLocalIdea } from "../server/providers/ideas/local";
import { demoPosts, screenWith, shippedDenylist } from "./helpers/reddit-posts";

// 40 titles the local writer makes from the demo posts, each reviewed by hand as something a shop
// would print (list and reasons in the commit that added this file). A change in taste must be
// deliberate: update tests/fixtures/ideas-golden.json in the same commit and say why.

type Golden = { id: string; community: string; post: string; previousFamily: string | null; family: string; title: string };
const golden = JSON.parse(readFileSync(join(__dirname, "fixtures", "ideas-golden.json"), "utf8")) as Golden[];

describe("local writer golden titles", () => {
  const posts = new Map(demoPosts().map((p) => [p.id, p]));
  const screen = screenWith(shippedDenylist());

  it("keeps 40 hand-reviewed titles", () => {
    expect(golden).toHaveLength(40);
    const got = golden.map((g) => {
      const p = posts.get(g.id);
      if (!p) throw new Error(`demo post ${g.id} is gone from data/reddit/`);
      expect(p.title).toBe(g.post);
      const d = writeLocalIdea({ signalId: p.id, title: p.title, body: p.body, community: p.community, keywords: [], style: null, previousFamily: g.previousFamily, screen });
      return { ...g, family: d.recipe!.family, title: d.title };
    });
    expect(got).toEqual(golden);
  });
});
