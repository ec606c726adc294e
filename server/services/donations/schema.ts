import { z } from "zod";

export const ZCreateDonation = z
  .object({
    subreddit: z
      .string()
      .trim()
      .transform((s) => s.replace(/^\/?r\//i, "").toLowerCase())
      .pipe(z.string().regex(/^[a-z0-9_]{2,21}$/, "Subreddit names are 2–21 letters, digits or underscores"))
      .optional(),
    productId: z.string().min(1).optional(),
    amountCents: z.number({ error: "Enter an amount" }).int("Amount must be whole cents").min(100, "The smallest donation is $1").max(1_000_000, "The largest donation is $10,000"),
    donorName: z.string().trim().max(40, "Keep the name to 40 characters or fewer").optional(),
    anonymous: z.boolean().default(false),
    message: z.string().trim().max(280, "Keep the message to 280 characters or fewer").optional(),
  })
  .refine((v) => !!v.subreddit !== !!v.productId, { message: "Donate to either a subreddit or a product", path: ["subreddit"] });

export type CreateDonationInput = z.input<typeof ZCreateDonation>;
