import { z } from "zod";
import { PROMO_POST_STATUSES } from "../../../../lib/promote";

export const ZListPromoPosts = z.object({
  status: z.enum(PROMO_POST_STATUSES).optional(),
  accountId: z.string().min(1).optional(),
  cursor: z.string().min(1).optional(),
  take: z.number().int().min(1).max(100).default(25),
});
export const ZPostIds = z.object({ postIds: z.array(z.string().min(1)).min(1, "Pick at least one post").max(200) });
export const ZRejectPosts = ZPostIds.extend({ note: z.string().max(500).optional() });
export const ZEditPost = z.object({ postId: z.string().min(1), title: z.string().trim().max(300).optional(), body: z.string().trim().min(1, "The post text cannot be empty").max(2000) });
