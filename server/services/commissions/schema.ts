import { z } from "zod";
import { parsePostUrl, POST_URL_HINT } from "./post-url";

/** "r/Cats", "/r/cats" or "cats" → "cats"; Reddit's own naming rule. */
export const ZSubredditName = z
  .string()
  .trim()
  .transform((s) => s.replace(/^\/?r\//i, "").toLowerCase())
  .pipe(z.string().regex(/^[a-z0-9_]{2,21}$/, "Subreddit names are 2–21 letters, digits or underscores"));

// The commission form's contract, shared by the tRPC procedure, the public API and the UI.
export const ZCreateCommission = z
  .object({
    tier: z.string().trim().min(1, "Choose a tier"),
    type: z.enum(["POST", "SUBREDDIT", "SURPRISE"], { error: "Type must be POST, SUBREDDIT or SURPRISE" }),
    postUrl: z.string().trim().max(500, "The post URL is too long").optional(),
    subreddit: ZSubredditName.optional(),
    message: z.string().trim().max(280, "Keep the message to 280 characters or fewer").optional(),
    displayName: z.string().trim().max(40, "Keep the display name to 40 characters or fewer").optional(),
    anonymous: z.boolean().default(false),
    promoteOptIn: z.boolean().default(false), // the shopper agrees that we may share the finished product on our social accounts
    email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address for the receipt")).optional(),
    amountCents: z.number().int("Amount must be whole cents").positive().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.type === "POST" && !v.postUrl) ctx.addIssue({ code: "custom", path: ["postUrl"], message: "Paste the URL of the Reddit post to commission" });
    else if (v.type === "POST" && !parsePostUrl(v.postUrl!)) ctx.addIssue({ code: "custom", path: ["postUrl"], message: POST_URL_HINT });
    if (v.type === "SUBREDDIT" && !v.subreddit) ctx.addIssue({ code: "custom", path: ["subreddit"], message: "Name the subreddit to commission" });
  });

export type CreateCommissionInput = z.input<typeof ZCreateCommission>;

/** Empty strings from forms mean "not given". */
export function blankToUndefined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === "string" && v.trim() === "" ? undefined : v])) as T;
}
