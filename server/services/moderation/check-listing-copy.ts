import { log } from "../../log";
import { moderationProvider } from "../../providers/moderation";
import { loadDenylist, type Denylist } from "./denylist";
import type { ContentVerdict } from "./check-content";

export type ListingCopy = { title: string; description: string; bullets: string[]; tags: string[] };

/**
 * The last gate before anything is published: generated titles, tags and copy pass the denylist
 * and, when OpenAI is keyed, its moderation endpoint. Any error counts as a refusal (fail closed).
 */
export async function checkListingCopy(copy: ListingCopy, deps: { denylist?: () => Promise<Denylist> } = {}): Promise<ContentVerdict> {
  const texts = [copy.title, copy.description, ...copy.bullets, ...copy.tags].filter((t) => t.trim());
  try {
    const list = await (deps.denylist ?? loadDenylist)();
    for (const text of texts) {
      const term = list.match(text);
      if (term) return { ok: false, reason: `denylist:${term}` };
    }
    const hosted = moderationProvider();
    if (hosted && texts.length) {
      const verdict = await hosted.check(texts);
      if (verdict.flagged) return { ok: false, reason: `${hosted.name}:${verdict.categories.join(",") || "flagged"}` };
    }
    return { ok: true };
  } catch (err) {
    log.warn({ err: (err as Error).message }, "listing copy moderation failed; refusing (fail closed)");
    return { ok: false, reason: "moderation_error" };
  }
}
