import { Prisma, type ListingSort, type Subreddit } from "@prisma/client";
import { z } from "zod";
import { db } from "../../db";
import { AppError } from "../../errors";

// The subreddits the Reddit source reads. Names are stored lower-case without "r/".

/** "r/Cats", "/r/cats/", "https://www.reddit.com/r/cats/hot" → "cats". Reddit names are 2–21 of [A-Za-z0-9_]. */
export const ZSubredditName = z
  .string()
  .trim()
  .transform((s) => s.replace(/^https?:\/\/(www\.|old\.)?reddit\.com/i, "").replace(/^\/?r\//i, "").split("/")[0].toLowerCase())
  .pipe(z.string().regex(/^[a-z0-9][a-z0-9_]{1,20}$/, "Use a subreddit name like \"cats\" or \"r/cats\": 2–21 letters, digits or underscores"));

export const ZListingSort = z.enum(["HOT", "NEW", "TOP", "RISING"]);
export const ZLimit = z.number().int("Limit must be a whole number").min(1, "Limit must be at least 1").max(100, "Reddit returns at most 100 posts per listing");

export type SubredditInput = { name: string; sort?: ListingSort; limit?: number; nsfw?: boolean; style?: string | null; enabled?: boolean };

export const listSubreddits = () => db.subreddit.findMany({ orderBy: [{ enabled: "desc" }, { name: "asc" }] });

/** Add a subreddit, or update the one with that name. */
export async function upsertSubreddit(input: SubredditInput, by?: string): Promise<Subreddit> {
  const name = ZSubredditName.parse(input.name);
  const data = {
    sort: input.sort ?? "HOT",
    limit: input.limit ?? 50,
    nsfw: input.nsfw ?? false,
    style: input.style?.trim() || null,
    enabled: input.enabled ?? true,
  };
  const row = await db.subreddit.upsert({ where: { name }, create: { name, ...data }, update: data });
  await audit(by, "subreddit.upsert", row.id, { name, ...data });
  return row;
}

export async function updateSubreddit(id: string, patch: { sort?: ListingSort; limit?: number; style?: string | null; nsfw?: boolean; enabled?: boolean }, by?: string) {
  const data = { ...patch, ...(patch.style !== undefined ? { style: patch.style?.trim() || null } : {}) };
  const row = await db.subreddit.update({ where: { id }, data }).catch(notFound);
  await audit(by, "subreddit.update", id, data);
  return row;
}

export async function deleteSubreddit(id: string, by?: string) {
  const row = await db.subreddit.delete({ where: { id } }).catch(notFound);
  await audit(by, "subreddit.delete", id, { name: row.name });
  return row;
}

function notFound(e: unknown): never {
  if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2025") throw new AppError("NOT_FOUND", "That subreddit is not in the list any more");
  throw e;
}

async function audit(actorId: string | undefined, action: string, entityId: string, data: Record<string, unknown>) {
  await db.auditLog.create({ data: { actorId, action, entityType: "subreddit", entityId, data: data as Prisma.InputJsonValue } });
}
