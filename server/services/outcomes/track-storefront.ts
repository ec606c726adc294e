import { z } from "zod";
import { AppError } from "../../errors";
import { CLIENT_OUTCOME_KINDS, MAX_BATCH } from "../../../lib/track";
import { recordOutcomes } from "./record-outcomes";

export const ZTrackBatch = z.object({
  events: z
    .array(
      z.object({
        kind: z.enum(CLIENT_OUTCOME_KINDS),
        listingId: z.string().regex(/^[a-z0-9]{10,40}$/i),
        experimentId: z.string().regex(/^[a-z0-9]{10,40}$/i).optional(),
        armId: z.string().regex(/^[a-z0-9]{10,40}$/i).optional(),
      }),
    )
    .min(1)
    .max(MAX_BATCH),
});

/**
 * Stores a storefront batch. Purchases and commissions are never accepted from the browser (the
 * server records them); times are the server's; unknown listings are dropped by attribution.
 */
export async function trackStorefront(body: unknown) {
  const p = ZTrackBatch.safeParse(body);
  if (!p.success) throw new AppError("BAD_REQUEST", p.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  const now = new Date();
  return recordOutcomes(p.data.events.map((e) => ({ ...e, source: "STOREFRONT" as const, marketplace: "LOCAL" as const, occurredAt: now })));
}
