import { z } from "zod";
import { PROMO_ACTIONS } from "../../../../lib/promote";

export const ZPromoAudit = z.object({
  accountId: z.string().min(1).optional(),
  action: z.enum(PROMO_ACTIONS).optional(),
  postId: z.string().min(1).optional(),
  cursor: z.string().min(1).optional(),
  take: z.number().int().min(1).max(200).default(50),
});
