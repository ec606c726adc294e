import { z } from "zod";
import { db } from "../../db";
import { AppError } from "../../errors";

export const ZUpdateTier = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1, "Name the tier").max(40),
  priceCents: z.number().int("Price must be whole cents").min(100, "The lowest price is $1").max(1_000_000, "The highest price is $10,000"),
  allowedTypes: z.array(z.enum(["POST", "SUBREDDIT", "SURPRISE"])).min(1, "Allow at least one commission type"),
  imageQuality: z.enum(["standard", "high", "ultra"]),
  productTypeCount: z.number().int().min(1, "At least one product type").max(4, "At most four product types"),
  priority: z.number().int().min(1, "Priority 1 runs first").max(100),
  description: z.string().trim().max(300).default(""),
  active: z.boolean(),
});
export type UpdateTierInput = z.input<typeof ZUpdateTier>;

export function listTiers(opts: { activeOnly?: boolean } = {}) {
  return db.commissionTier.findMany({ where: opts.activeOnly ? { active: true } : {}, orderBy: [{ sortOrder: "asc" }, { priceCents: "asc" }] });
}

export async function updateTier(raw: UpdateTierInput, by?: string) {
  const { id, ...data } = ZUpdateTier.parse(raw);
  const found = await db.commissionTier.findUnique({ where: { id } });
  if (!found) throw new AppError("NOT_FOUND", "No such tier");
  const [tier] = await db.$transaction([
    db.commissionTier.update({ where: { id }, data }),
    db.auditLog.create({ data: { actorId: by, action: "tier.update", entityType: "commission_tier", entityId: id, data: { before: { priceCents: found.priceCents, active: found.active }, after: { priceCents: data.priceCents, active: data.active } } } }),
  ]);
  return tier;
}
