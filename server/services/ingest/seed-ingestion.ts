import { db } from "../../db";
import { loadCalendar } from "./calendar";
import { DEFAULT_SUBREDDITS } from "./default-subreddits";

/**
 * Idempotent ingestion seed: the Source rows (reddit, calendar, an example RSS feed — disabled), the
 * default subreddits (existing rows keep an admin's changes) and the events calendar from
 * data/calendar.csv.
 */
export async function seedIngestion(): Promise<void> {
  const sources = [
    { key: "reddit", kind: "REDDIT" as const, name: "Reddit", enabled: true, config: {} },
    { key: "calendar", kind: "CALENDAR" as const, name: "Events calendar", enabled: true, config: { file: "data/calendar.csv" } },
    { key: "rss:hn", kind: "RSS" as const, name: "Hacker News front page (example feed)", enabled: false, config: { url: "https://hnrss.org/frontpage" } },
  ];
  for (const s of sources) {
    await db.source.upsert({ where: { key: s.key }, create: s, update: {} });
  }
  await db.subreddit.createMany({
    data: DEFAULT_SUBREDDITS.map((s) => ({ name: s.name, sort: s.sort, limit: s.limit, style: s.style, enabled: true, nsfw: false })),
    skipDuplicates: true,
  });
  await loadCalendar();
}
