import { createHash } from "node:crypto";
import type { Prisma } from "@prisma/client";
import type { RedditPost } from "../../providers/reddit/types";
import { extractKeywords } from "./keywords";

// Every source (Reddit, RSS/Atom, CSV, listing files) becomes the same draft before it is stored.

export type SignalDraft = {
  externalId: string;
  contentHash: string;
  community: string | null;
  title: string;
  body: string;
  url: string | null;
  author: string | null;
  score: number;
  comments: number;
  postedAt: Date;
  keywords: string[];
  raw: unknown;
  over18: boolean;
  subredditNsfw: boolean;
  /** set for posts that are reported but never stored (stickied, removed, deleted) */
  skip?: "skipped_stickied" | "skipped_removed" | "skipped_deleted";
};

/** Replaces lone UTF-16 surrogates (an emoji cut in half by a length limit) with U+FFFD, as UTF-8 encoding does. */
export const wellFormed = (s: string) => s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
const wellFormedOrNull = (s: string | null) => (s === null ? null : wellFormed(s));

/**
 * The row stored for a draft: NEW, or REJECTED with the moderation reason. Text is made well-formed
 * UTF-16 first: a lone surrogate cannot be sent as JSON to Postgres (or through Prisma's compiler).
 */
export function signalRow(d: SignalDraft, sourceId: string, rejectReason: string | null) {
  return {
    sourceId,
    externalId: wellFormed(d.externalId),
    contentHash: d.contentHash,
    community: wellFormedOrNull(d.community),
    title: wellFormed(d.title.slice(0, 1000)),
    body: wellFormed(d.body.slice(0, 20_000)),
    url: wellFormedOrNull(d.url),
    author: wellFormedOrNull(d.author),
    score: d.score,
    comments: d.comments,
    postedAt: d.postedAt,
    keywords: d.keywords.map(wellFormed),
    raw: (d.raw ?? {}) as Prisma.InputJsonValue,
    status: rejectReason ? ("REJECTED" as const) : ("NEW" as const),
    rejectReason,
  };
}

export const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** The identity of a Reddit post, whichever listing, source or run it came from. */
export const redditContentHash = (id: string) => sha256(`reddit:t3_${id.replace(/^t3_/, "").toLowerCase()}`);

/** Identity for non-Reddit items: the normalized URL when there is one, else the normalized title. */
export function itemContentHash(url: string | null | undefined, title: string): string {
  const u = normalizeUrl(url);
  return sha256(u ? `url:${u}` : `title:${title.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim()}`);
}

export function normalizeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url.trim());
    u.hash = "";
    u.hostname = u.hostname.toLowerCase().replace(/^www\./, "");
    for (const k of [...u.searchParams.keys()]) if (/^(utm_|fbclid|gclid|ref$|ref_src)/.test(k)) u.searchParams.delete(k);
    u.searchParams.sort();
    const path = u.pathname.replace(/\/+$/, "");
    return `${u.hostname}${u.port ? `:${u.port}` : ""}${path}${u.search}`;
  } catch {
    return null;
  }
}

const clampInt = (n: number) => Math.max(-2_147_483_648, Math.min(2_147_483_647, Math.trunc(Number.isFinite(n) ? n : 0)));

export function draftFromRedditPost(post: RedditPost): SignalDraft {
  const deleted = post.author === "[deleted]" || post.selftext === "[deleted]" || (post.raw as { removed_by_category?: string } | null)?.removed_by_category === "deleted";
  const skip = post.stickied ? "skipped_stickied" : deleted ? "skipped_deleted" : post.removed ? "skipped_removed" : undefined;
  const body = post.selftext === "[removed]" || post.selftext === "[deleted]" ? "" : post.selftext;
  return {
    externalId: `t3_${post.id}`,
    contentHash: redditContentHash(post.id),
    community: post.subreddit,
    title: post.title,
    body,
    url: post.permalink ? `https://www.reddit.com${post.permalink}` : post.url,
    author: post.author || null,
    score: clampInt(post.score),
    comments: clampInt(post.numComments),
    postedAt: new Date(post.createdUtc * 1000),
    keywords: extractKeywords(post.title, body),
    raw: post.raw,
    over18: post.over18,
    subredditNsfw: post.subredditNsfw,
    skip,
  };
}

export type ItemInput = {
  title: string;
  body?: string;
  url?: string | null;
  community?: string | null;
  author?: string | null;
  score?: number;
  comments?: number;
  postedAt?: Date | null;
  externalId?: string | null;
  raw: unknown;
};

export function draftFromItem(item: ItemInput): SignalDraft {
  const contentHash = itemContentHash(item.url, item.title);
  const body = item.body ?? "";
  return {
    externalId: item.externalId || item.url || contentHash.slice(0, 24),
    contentHash,
    community: item.community?.toLowerCase() || null,
    title: item.title,
    body,
    url: item.url || null,
    author: item.author || null,
    score: clampInt(item.score ?? 0),
    comments: clampInt(item.comments ?? 0),
    postedAt: item.postedAt && !Number.isNaN(item.postedAt.getTime()) ? item.postedAt : new Date(),
    keywords: extractKeywords(item.title, body),
    raw: item.raw,
    over18: false,
    subredditNsfw: false,
  };
}
