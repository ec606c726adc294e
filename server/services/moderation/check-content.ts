import { z } from "zod";
import { AppError } from "../../errors";
import { log } from "../../log";
import { loadDenylist, type Denylist } from "./denylist";

// Is this safe to turn into merchandise? Unsafe content is stored as a REJECTED signal and goes no
// further. Any error while checking counts as unsafe ("moderation_error"): we fail closed.

export const ZContentInput = z.object({
  title: z.string(),
  body: z.string().default(""),
  community: z.string().nullish(),
  over18: z.boolean(),
  subredditNsfw: z.boolean(),
});
export type ContentInput = z.input<typeof ZContentInput>;
export type ContentVerdict = { ok: true } | { ok: false; reason: string };

/** The checks themselves, synchronous once the denylist is loaded (used per item in big batches). */
export function judgeContent(input: ContentInput, denylist: Denylist): ContentVerdict {
  const c = ZContentInput.parse(input);
  if (c.over18) return { ok: false, reason: "over_18" };
  if (c.subredditNsfw) return { ok: false, reason: "nsfw_subreddit" };
  for (const text of [c.title, c.body, c.community ?? ""]) {
    const term = text ? denylist.match(text) : null;
    if (term) return { ok: false, reason: `denylist:${term}` };
  }
  return { ok: true };
}

export async function checkContent(
  input: ContentInput,
  deps: { denylist?: () => Promise<Denylist> } = {},
): Promise<ContentVerdict> {
  try {
    const list = await (deps.denylist ?? loadDenylist)();
    return judgeContent(input, list);
  } catch (err) {
    log.warn({ err: (err as Error).message }, "moderation check failed; rejecting (fail closed)");
    return { ok: false, reason: "moderation_error" };
  }
}

/**
 * Words a shopper types that end up public (commission messages and display names, donation names
 * and messages): the same check as posts. Throws UNPROCESSABLE naming what was refused.
 */
export async function assertSafeContent(what: string, content: ContentInput, refused = "can't be used"): Promise<void> {
  const verdict = await checkContent(content);
  if (!verdict.ok) throw new AppError("UNPROCESSABLE", `${what} ${refused}: ${verdict.reason}`);
}
