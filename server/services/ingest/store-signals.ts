import { pgPool } from "../../db";
import { cuidish } from "../../ids";
import { log } from "../../log";
import { judgeContent } from "../moderation/check-content";
import type { Denylist } from "../moderation/denylist";
import type { RedisBloom } from "./bloom";
import { signalRow, type SignalDraft } from "./normalize";

// Stores one batch of drafts with a constant number of round trips, whatever the batch size:
// one Bloom lookup, one SELECT for the "maybe seen" hashes, one INSERT … ON CONFLICT DO NOTHING
// RETURNING, one UPDATE for repeats, one Bloom write to remember the batch. Both writes send the
// whole batch as ONE json parameter (json_to_recordset) on plain pg: Prisma's createManyAndReturn
// spent ~10 ms of CPU per 500-row batch building and compiling the statement (more than Postgres
// spent inserting), and even $queryRaw copies a large parameter through its wasm query compiler.
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
    ? new Set((await pgPool().query<{ contentHash: string }>(`select "contentHash" from signals where "contentHash" = any($1::text[])`, [maybeHashes])).rows.map((s) => s.contentHash))
    : new Set<string>();

  const fresh = hashes.filter((h) => !existing.has(h)).map((h) => groups.get(h)!);
  const rows = fresh.map(({ draft: d, seen }) => {
    const reason = moderate(d, ctx);
    return { ...signalRow(d, ctx.sourceId, reason), seenCount: seen };
  });
  const inserted = await insertFresh(rows);

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

type FreshRow = ReturnType<typeof signalRow> & { seenCount: number };

/** One INSERT … ON CONFLICT DO NOTHING for the batch; returns the content hashes it inserted. */
async function insertFresh(rows: FreshRow[]): Promise<Set<string>> {
  if (!rows.length) return new Set();
  const json = JSON.stringify(rows.map((r) => ({ id: cuidish(), ...r })));
  const out = await pgPool().query<{ contentHash: string }>(
    `insert into signals (id, "sourceId", "externalId", "contentHash", community, title, body, url, author, score, comments,
                         "postedAt", keywords, raw, status, "rejectReason", "seenCount", "createdAt", "updatedAt")
    select r.id, r."sourceId", r."externalId", r."contentHash", r.community, r.title, r.body, r.url, r.author, r.score, r.comments,
           r."postedAt", r.keywords, r.raw, r.status::"SignalStatus", r."rejectReason", r."seenCount", now(), now()
    from json_to_recordset($1::json) as r(id text, "sourceId" text, "externalId" text, "contentHash" text, community text, title text,
         body text, url text, author text, score int, comments int, "postedAt" timestamp(3), keywords text[], raw jsonb, status text,
         "rejectReason" text, "seenCount" int)
    on conflict ("contentHash") do nothing
    returning "contentHash"`,
    [json],
  );
  return new Set(out.rows.map((r) => r.contentHash));
}

/** One UPDATE for every repeat in the batch; returns how many sightings it recorded. */
async function updateRepeats(groups: Group[]): Promise<number> {
  if (!groups.length) return 0;
  const json = JSON.stringify(groups.map(({ draft, seen }) => ({ hash: draft.contentHash, score: draft.score, comments: draft.comments, seen })));
  await pgPool().query(
    `update signals as s
        set score = v.score, comments = v.comments, "seenCount" = s."seenCount" + v.seen, "updatedAt" = now()
       from json_to_recordset($1::json) as v(hash text, score int, comments int, seen int)
      where s."contentHash" = v.hash`,
    [json],
  );
  return groups.reduce((n, g) => n + g.seen, 0);
}
