import { z } from "zod";

// Writes the words of one promotional post (or a reply) in an account's voice. The drafting service
// adds the tracked link and checks the result; the writer only writes.

export type CopyInput = {
  kind: "product" | "commission" | "reply";
  platform: "REDDIT" | "BLUESKY" | "MASTODON" | "OUTBOX";
  product: { title: string; description: string; tags: string[]; community: string | null; priceLabel: string };
  persona: { voice: string; hashtags: string[]; doRules: string[]; dontRules: string[] };
  /** For a reply: the comment being answered. */
  comment?: { author: string; text: string };
  /** Characters the body may use (the link and hashtags are added after). */
  maxBody: number;
};

export const ZCopy = z.object({ title: z.string().min(1).max(300), body: z.string().min(1).max(2000) });
export type Copy = z.infer<typeof ZCopy>;

/** What the call cost, in the shape of the cost ledger: units (tokens, or 1 for a template), cents or null when unknown. */
export type CopyUsage = { provider: string; units: number; costCents: number | null };

export interface Copywriter {
  readonly name: string;
  write(input: CopyInput): Promise<{ copy: Copy; usage: CopyUsage }>;
}
