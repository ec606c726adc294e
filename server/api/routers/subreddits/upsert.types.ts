import { z } from "zod";
import { ZLimit, ZListingSort, ZSubredditName } from "../../../services/ingest/manage-subreddits";

export const ZUpsertSubreddit = z.object({
  name: ZSubredditName,
  sort: ZListingSort.default("HOT"),
  limit: ZLimit.default(50),
  nsfw: z.boolean().default(false),
  style: z.string().trim().max(200, "Keep the style hint under 200 characters").nullish(),
  enabled: z.boolean().default(true),
});

export const ZUpdateSubreddit = z.object({
  id: z.string().min(1),
  sort: ZListingSort.optional(),
  limit: ZLimit.optional(),
  nsfw: z.boolean().optional(),
  style: z.string().trim().max(200, "Keep the style hint under 200 characters").nullish(),
});

export const ZSetSubredditEnabled = z.object({ id: z.string().min(1), enabled: z.boolean() });
export const ZRemoveSubreddit = z.object({ id: z.string().min(1), confirm: z.literal(true, "Confirm the deletion first") });
