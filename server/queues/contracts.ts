import { z } from "zod";

// The one queue contract shared by producers (web, CLI, webhooks) and processors (workers).
// New payload fields stay optional until old jobs drain.

export const queueContracts = {
  /** Read one source (reddit, rss:<name>, csv, calendar) and store normalized signals. */
  ingest: z.object({
    sourceKey: z.string().min(1),
    from: z.string().optional(),
  }),
  /** Score every NEW signal; the best N become ideas. */
  score: z.object({ reason: z.string().optional() }),
  /**
   * Make one design (mockups, listing copy, print files) for a Design row; with phase "print-files",
   * only the full-size files of a design whose preview a commission already published (low priority).
   */
  design: z.object({ designId: z.string().min(1), phase: z.enum(["print-files"]).optional() }),
  /** Publish one Publication row to its marketplace. */
  publish: z.object({ publicationId: z.string().min(1) }),
  /** Fulfil one paid commission, stage by stage. */
  commission: z.object({ commissionId: z.string().min(1) }),
  /** Apply one recorded Stripe event (webhooks answer fast and queue the work). */
  payment: z.object({ eventId: z.string().min(1) }),
  /** Send one Refund row to the payments provider. */
  refund: z.object({ refundId: z.string().min(1) }),
  /** Submit one paid shop order to the fulfilment provider (Printful or the local print shop). */
  fulfilment: z.object({ orderId: z.string().min(1) }),
  /** Apply one recorded fulfilment webhook (Printful's, or the local print shop's). */
  "fulfilment-event": z.object({ eventId: z.string().min(1) }),
  /** One step of the local print shop (received → in production → shipped → delivered), delayed. */
  "local-fulfilment": z.object({ externalId: z.string().min(1), step: z.enum(["inprocess", "shipped", "delivered"]) }),
  /** Growth loop housekeeping: learn weights (nightly), enforce budgets, check the SLA, promote experiment winners. */
  growth: z.object({ task: z.enum(["learn-weights", "enforce-budgets", "check-sla", "promote-winners"]) }),
  /** Draft promotions for a listing whose storefront publication just became PUBLISHED. */
  promote: z.object({ listingId: z.string().min(1) }),
  /** Send one scheduled promo post (its row is the status). */
  socialPost: z.object({ postId: z.string().min(1) }),
  /** The promoters' clock: deliver due posts and refresh tokens, or fetch results. */
  socialSweep: z.object({ task: z.enum(["due", "results"]) }),
} as const;

export type QueueName = keyof typeof queueContracts;
export type QueuePayload<Q extends QueueName> = z.infer<(typeof queueContracts)[Q]>;
export const queueNames = Object.keys(queueContracts) as QueueName[];

/** Retry policy per queue: attempts with exponential backoff. */
export const queueDefaults: Record<QueueName, { attempts: number; backoffMs: number }> = {
  ingest: { attempts: 3, backoffMs: 5_000 },
  score: { attempts: 3, backoffMs: 2_000 },
  design: { attempts: 3, backoffMs: 1_000 },
  publish: { attempts: 5, backoffMs: 2_000 },
  commission: { attempts: 3, backoffMs: 1_000 },
  payment: { attempts: 8, backoffMs: 500 },
  refund: { attempts: 8, backoffMs: 2_000 },
  // A Printful outage: the order waits and retries for ~11 hours (2 s doubling, capped by BullMQ's
  // exponential curve), then an admin can resubmit; the external_id keeps it from being made twice.
  fulfilment: { attempts: 15, backoffMs: 2_000 },
  "fulfilment-event": { attempts: 8, backoffMs: 500 },
  "local-fulfilment": { attempts: 5, backoffMs: 1_000 },
  growth: { attempts: 2, backoffMs: 10_000 },
  promote: { attempts: 8, backoffMs: 2_000 },
  socialPost: { attempts: 5, backoffMs: 5_000 },
  socialSweep: { attempts: 1, backoffMs: 1_000 },
};

export function parsePayload<Q extends QueueName>(queue: Q, data: unknown): QueuePayload<Q> {
  return queueContracts[queue].parse(data) as QueuePayload<Q>;
}
