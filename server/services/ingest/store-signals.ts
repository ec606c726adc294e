import { db } from "../../db";
import { log } from "../../log";
import { judgeContent } from "../moderation/check-content";
import type { Denylist } from "../moderation/denylist";
import type { RedisBloom } from "./bloom";
import { signalRow, type SignalDraft } from "./normalize";

// Stores one batch of drafts with a constant number of round trips, whatever the batch size:
// one Bloom pipeline, one SELECT for the "maybe seen" hashes, one INSERT … ON CONFLICT DO NOTHING
// RETURNING, one UPDATE … FROM (VALUES …) for repeats, one Bloom pipeline to remember the batch.
// A repeat (same post from two listings, two sources or two runs) updates score/comments/seenCount
// of the one signal and counts as `updated`. New unsafe content is stored REJECTED with its reason.

export type BatchResult = { new: number; updated: number; rejected: Record<string, number> };

export type StoreContext = {
  sourceId: string;
  /** communities flagged nsfw on our side (Subreddit.nsfw) */
  nsfwCommunities: ReadonlySet<string>;
  /** null when the denylist could not be loaded: every new item is rejected (fail closed) */
  denylist: Denylist | null;
  /** null when Redis is unavailable: every item goes to the DB check (still correct, slower) */
  bloom: RedisBloom | null;
};

type Group = { draft: SignalDraft; seen: number };

export const bump = (m: Record<string, number>, k: string, n = 1) => {
  if (n) m[k] = (m[k] ?? 0) + n;
};

export function moderate(d: SignalDraft, ctx: Pick<StoreContext, "nsfwCommunities" | "denylist">): string | null {
  if (!ctx.denylist) return "moderation_error";
  try {
    const v = judgeContent(
      { title: d.title, body: d.body, community: d.community, over18: d.over18, subredditNsfw: d.subredditNsfw || (!!d.community && ctx.nsfwCommunities.has(d.community)) },
      ctx.denylist,
    );
    return v.ok ? null : v.reason;
  } catch {
    return "moderation_error";
  }
}

export async function storeBatch(drafts: SignalDraft[], ctx: StoreContext): Promise<BatchResult> {
  const out: BatchResult = { new: 0, updated: 0, rejected: {} };
  const groups = new Map<string, Group>();
  for (const d of drafts) {
    if (d.skip) {
      bump(out.rejected, d.skip);
      continue;
    }
    const g = groups.get(d.contentHash);
    if (g) {
      g.seen++;
      g.draft = { ...g.draft, score: d.score, comments: d.comments };
    } else groups.set(d.contentHash, { draft: d, seen: 1 });
  }
  if (!groups.size) return out;
  const hashes = [...groups.keys()];

  const maybe = await mightContain(ctx.bloom, hashes);
  const maybeHashes = hashes.filter((_, i) => maybe[i]);
  const existing = maybeHashes.length
    ? new Set((await db.signal.findMany({ where: { contentHash: { in: maybeHashes } }, select: { contentHash: true } })).map((s) => s.contentHash))
    : new Set<string>();

  const fresh = hashes.filter((h) => !existing.has(h)).map((h) => groups.get(h)!);
  const rows = fresh.map(({ draft: d, seen }) => {
    const reason = moderate(d, ctx);
    return { ...signalRow(d, ctx.sourceId, reason), seenCount: seen };
  });
  const inserted = rows.length
    ? new Set((await db.signal.createManyAndReturn({ data: rows, skipDuplicates: true, select: { contentHash: true } })).map((r) => r.contentHash))
    : new Set<string>();

  const repeats: Group[] = [];
  for (const r of rows) {
    const g = groups.get(r.contentHash)!;
    if (!inserted.has(r.contentHash)) {
      repeats.push(g); // inserted meanwhile by another run: a repeat after all
      continue;
    }
    if (r.rejectReason) bump(out.rejected, r.rejectReason);
    else out.new++;
    out.updated += g.seen - 1;
  }
  for (const h of existing) repeats.push(groups.get(h)!);
  out.updated += await updateRepeats(repeats);

  await ctx.bloom?.add(hashes).catch((e: Error) => log.warn({ err: e.message }, "bloom filter add failed"));
  return out;
}

async function mightContain(bloom: RedisBloom | null, hashes: string[]): Promise<boolean[]> {
  if (!bloom) return hashes.map(() => true);
  try {
    return await bloom.mightContain(hashes);
  } catch (e) {
    log.warn({ err: (e as Error).message }, "bloom filter unavailable; checking every item in the database");
    return hashes.map(() => true);
  }
}

/** One UPDATE for every repeat in the batch; returns how many sightings it recorded. */
async function updateRepeats(groups: Group[]): Promise<number> {
  if (!groups.length) return 0;
  const params: unknown[] = [];
  const values = groups.map(({ draft, seen }) => {
    params.push(draft.contentHash, draft.score, draft.comments, seen);
    const n = params.length;
    return `($${n - 3}, $${n - 2}::int, $${n - 1}::int, $${n}::int)`;
  });
  await db.$executeRawUnsafe(
    `UPDATE "signals" AS s
        SET "score" = v.score, "comments" = v.comments, "seenCount" = s."seenCount" + v.seen, "updatedAt" = now()
       FROM (VALUES ${values.join(", ")}) AS v(hash, score, comments, seen)
      WHERE s."contentHash" = v.hash`,
    ...params,
  );
  return groups.reduce((n, g) => n + g.seen, 0);
}
