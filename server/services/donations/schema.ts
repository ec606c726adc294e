import { z } from "zod";
import { ZSubredditName } from "../commissions/schema";

export const ZCreateDonation = z
  .object({
    subreddit: ZSubredditName.optional(),
    productId: z.string().min(1).optional(),
    amountCents: z.number({ error: "Enter an amount" }).int("Amount must be whole cents").min(100, "The smallest donation is $1").max(1_000_000, "The largest donation is $10,000"),
    donorName: z.string().trim().max(40, "Keep the name to 40 characters or fewer").optional(),
    anonymous: z.boolean().default(false),
    message: z.string().trim().max(280, "Keep the message to 280 characters or fewer").optional(),
  })
  .refine((v) => !!v.subreddit !== !!v.productId, { message: "Donate to either a subreddit or a product", path: ["subreddit"] });

export type CreateDonationInput = z.input<typeof ZCreateDonation>;
