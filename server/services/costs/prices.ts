import { z } from "zod";
import { db } from "../../db";
import { AppError } from "../../errors";

// The price table is data: seeded with list prices, editable from the costs screen. A key names
// provider:model:unit; amounts are micro-units of the currency (1 USD = 1,000,000).

export const DEFAULT_PRICES: Array<{ key: string; provider: string; unit: string; microsPerUnit: number; fixedMicros?: number; note: string }> = [
  { key: "openai:gpt-4o-mini:input_token", provider: "openai", unit: "token", microsPerUnit: 0.15, note: "$0.15 per 1M input tokens" },
  { key: "openai:gpt-4o-mini:output_token", provider: "openai", unit: "token", microsPerUnit: 0.6, note: "$0.60 per 1M output tokens" },
  { key: "openai:gpt-4o:input_token", provider: "openai", unit: "token", microsPerUnit: 2.5, note: "$2.50 per 1M input tokens" },
  { key: "openai:gpt-4o:output_token", provider: "openai", unit: "token", microsPerUnit: 10, note: "$10 per 1M output tokens" },
  { key: "openai:text-embedding-3-small:input_token", provider: "openai", unit: "token", microsPerUnit: 0.02, note: "$0.02 per 1M tokens" },
  { key: "openai:text-embedding-3-large:input_token", provider: "openai", unit: "token", microsPerUnit: 0.13, note: "$0.13 per 1M tokens" },
  { key: "openai:omni-moderation-latest:call", provider: "openai", unit: "call", microsPerUnit: 0, note: "moderation is free" },
  { key: "openai:gpt-image-1:image", provider: "openai", unit: "image", microsPerUnit: 42_000, note: "medium quality 1024×1024" },
  { key: "sdxl:sdxl:second", provider: "sdxl", unit: "second", microsPerUnit: 450, note: "GPU seconds of a self-hosted SDXL server (~$1.62/h)" },
  { key: "printful:base_cost:cent", provider: "printful", unit: "cent", microsPerUnit: 10_000, note: "pass-through: Printful's charged base cost" },
  { key: "printful:shipping:cent", provider: "printful", unit: "cent", microsPerUnit: 10_000, note: "pass-through: Printful's charged shipping" },
  { key: "stripe:card:cent", provider: "stripe", unit: "cent", microsPerUnit: 290, fixedMicros: 300_000, note: "2.9% + 30¢ per card charge" },
  { key: "email:send:email", provider: "email", unit: "email", microsPerUnit: 100, note: "$0.10 per 1,000 emails" },
];

/** Inserts missing default prices; never overwrites an edited one. */
export async function seedPrices() {
  await db.price.createMany({ data: DEFAULT_PRICES.map((p) => ({ ...p, fixedMicros: p.fixedMicros ?? 0 })), skipDuplicates: true });
}

export const listPrices = () => db.price.findMany({ orderBy: { key: "asc" } });

export const ZSetPrice = z.object({
  key: z.string().regex(/^[a-z0-9_.-]+:[A-Za-z0-9_.-]+:[a-z_]+$/, "a price key looks like provider:model:unit"),
  unit: z.string().min(1).max(20),
  microsPerUnit: z.number().min(0).max(1e9),
  fixedMicros: z.number().min(0).max(1e9).default(0),
  note: z.string().max(200).default(""),
});

export async function setPrice(input: z.input<typeof ZSetPrice>, by?: string) {
  const p = ZSetPrice.safeParse(input);
  if (!p.success) throw new AppError("BAD_REQUEST", p.error.issues.map((i) => i.message).join("; "));
  const provider = p.data.key.split(":")[0];
  const [row] = await db.$transaction([
    db.price.upsert({ where: { key: p.data.key }, create: { ...p.data, provider }, update: { ...p.data, provider } }),
    db.auditLog.create({ data: { actorId: by, action: "cost.price.update", entityType: "price", entityId: p.data.key, data: p.data } }),
  ]);
  return row;
}
