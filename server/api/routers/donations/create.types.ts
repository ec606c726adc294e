import { z } from "zod";

// Transport contract; createDonation validates with clear messages.
export const ZCreateDonationForm = z.object({
  subreddit: z.string().optional(),
  productId: z.string().optional(),
  amountCents: z.number(),
  donorName: z.string().optional(),
  anonymous: z.boolean().optional(),
  message: z.string().optional(),
});
