import { db } from "../../../db";
import { log } from "../../../log";
import { reddit } from "../../../providers/reddit";
import { listingFilePaths, readListingFile } from "../../../providers/reddit/files";
import type { ListingSortName } from "../../../providers/reddit/types";
import { AppError } from "../../../errors";
import { draftFromRedditPost } from "../normalize";
import type { SourceChunk } from "./types";

/** Listing files at `from` (a file or a directory of *.json), timestamps as captured. */
export async function* redditFiles(from: string): AsyncGenerator<SourceChunk> {
  for (const file of await listingFilePaths(from)) {
    const f = await readListingFile(file);
    yield { label: file, drafts: f.posts.map(draftFromRedditPost), invalid: f.invalid };
  }
}

/** Every enabled Subreddit row through the configured Reddit client. */
export async function* redditSubreddits(): AsyncGenerator<SourceChunk> {
  const subs = await db.subreddit.findMany({ where: { enabled: true }, orderBy: { name: "asc" } });
  const client = reddit();
  let failures = 0;
  let lastError = "";
  for (const s of subs) {
    try {
      const posts = await client.listing(s.name, s.sort.toLowerCase() as ListingSortName, s.limit);
      yield { label: `r/${s.name}`, drafts: posts.map(draftFromRedditPost), invalid: 0 };
    } catch (e) {
      failures++;
      lastError = (e as Error).message;
      log.warn({ subreddit: s.name, err: lastError }, "subreddit listing failed");
      yield { label: `r/${s.name}`, drafts: [], invalid: 0, error: lastError };
    }
  }
  if (subs.length && failures === subs.length) throw new AppError("UPSTREAM", `Every subreddit listing failed; last error: ${lastError}`);
}
