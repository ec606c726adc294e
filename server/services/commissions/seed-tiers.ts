import type { CommissionType } from "@prisma/client";
import { db } from "../../db";

type TierSeed = {
  slug: string;
  name: string;
  priceCents: number;
  allowedTypes: CommissionType[];
  imageQuality: "standard" | "high" | "ultra";
  productTypeCount: number;
  priority: number;
  description: string;
};

export const DEFAULT_TIERS: TierSeed[] = [
  { slug: "bronze", name: "Bronze", priceCents: 500, allowedTypes: ["SURPRISE"], imageQuality: "standard", productTypeCount: 1, priority: 5, description: "A surprise design from today's best post, on a tee." },
  { slug: "silver", name: "Silver", priceCents: 1000, allowedTypes: ["SURPRISE", "SUBREDDIT"], imageQuality: "standard", productTypeCount: 2, priority: 4, description: "Pick a subreddit; we design from its best fresh post. Tee and poster." },
  { slug: "gold", name: "Gold", priceCents: 2500, allowedTypes: ["SURPRISE", "SUBREDDIT", "POST"], imageQuality: "high", productTypeCount: 3, priority: 3, description: "Any post you like, high-quality art, three products." },
  { slug: "sapphire", name: "Sapphire", priceCents: 5000, allowedTypes: ["SURPRISE", "SUBREDDIT", "POST"], imageQuality: "high", productTypeCount: 4, priority: 2, description: "Any post, high-quality art, all four products, ahead of the queue." },
  { slug: "diamond", name: "Diamond", priceCents: 10000, allowedTypes: ["SURPRISE", "SUBREDDIT", "POST"], imageQuality: "ultra", productTypeCount: 4, priority: 1, description: "Ultra-quality art on all four products, first in line." },
];

/**
 * Creates the default tiers. Idempotent (upsert by slug) and never overwrites an admin's edits:
 * existing tiers keep their price and options.
 */
export async function seedTiers() {
  for (const [i, t] of DEFAULT_TIERS.entries()) {
    await db.commissionTier.upsert({ where: { slug: t.slug }, create: { ...t, sortOrder: i, currency: "usd" }, update: {} });
  }
  return db.commissionTier.count();
}
