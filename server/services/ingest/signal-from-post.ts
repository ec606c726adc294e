import { Prisma, type Signal } from "@prisma/client";
import { db } from "../../db";
import { log } from "../../log";
import type { RedditPost } from "../../providers/reddit/types";
import { checkContent } from "../moderation/check-content";
import { signalBloom } from "./bloom";
import { draftFromRedditPost, signalRow } from "./normalize";
import { sourceForKey } from "./sources/registry";

/**
 * One Reddit post → its one Signal (used for commissions of a single post). A post already known
 * gets its score/comments/seenCount refreshed; a new one is moderated and stored — REJECTED with a
 * reason when unsafe, removed or deleted. Stickied posts are fine here: a person chose this post.
 */
export async function signalFromRedditPost(post: RedditPost, sourceKey = "reddit"): Promise<Signal> {
  const d = draftFromRedditPost(post);
  const refresh = () =>
    db.signal.update({
      where: { contentHash: d.contentHash },
      data: { score: d.score, comments: d.comments, seenCount: { increment: 1 } },
    });
  const known = await db.signal.findUnique({ where: { contentHash: d.contentHash }, select: { id: true } });
  if (known) return refresh();

  const source = await sourceForKey(sourceKey);
  const nsfwRow = await db.subreddit.findUnique({ where: { name: post.subreddit }, select: { nsfw: true } });
  const verdict =
    d.skip === "skipped_deleted"
      ? { ok: false as const, reason: "deleted" }
      : d.skip === "skipped_removed"
        ? { ok: false as const, reason: "removed" }
        : await checkContent({ title: d.title, body: d.body, community: d.community, over18: d.over18, subredditNsfw: d.subredditNsfw || !!nsfwRow?.nsfw });
  try {
    const row = await db.signal.create({
      data: signalRow(d, source.id, verdict.ok ? null : verdict.reason),
    });
    await signalBloom()
      .add([d.contentHash])
      .catch((e: Error) => log.warn({ err: e.message }, "bloom filter add failed"));
    return row;
  } catch (e) {
    // Stored meanwhile by an ingest run: it is the same signal.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return refresh();
    throw e;
  }
}
