import { z } from "zod";

// Transport contract: loose on purpose so createCommission gives the one set of clear messages.
export const ZCreateCommissionForm = z.object({
  tier: z.string(),
  type: z.enum(["POST", "SUBREDDIT", "SURPRISE"]),
  postUrl: z.string().optional(),
  subreddit: z.string().optional(),
  message: z.string().optional(),
  displayName: z.string().optional(),
  anonymous: z.boolean().optional(),
  promoteOptIn: z.boolean().optional(),
  email: z.string().optional(),
  amountCents: z.number().optional(),
});
