import { Marketplace } from "@prisma/client";
import { z } from "zod";
import { db } from "../db";
import { env } from "../env";

// Typed settings stored in the `settings` table; defaults live here.
export const settingSchemas = {
  autoApproveIdeas: z.boolean(),
  commissionReview: z.boolean(), // when on, paid commissions wait for an admin before publishing
  ideasPerRun: z.number().int().min(0).max(500),
  // Per marketplace: publish finished designs there without waiting for an admin's review. A
  // marketplace missing here waits for review (LOCAL = the storefront).
  autoPublish: z.partialRecord(z.enum(Marketplace), z.boolean()),
} as const;
export type SettingKey = keyof typeof settingSchemas;
export type SettingValue<K extends SettingKey> = z.infer<(typeof settingSchemas)[K]>;

export const settingDefaults: { [K in SettingKey]: SettingValue<K> } = {
  autoApproveIdeas: false,
  commissionReview: false,
  ideasPerRun: 10,
  autoPublish: {},
};

export async function getSetting<K extends SettingKey>(key: K): Promise<SettingValue<K>> {
  const row = await db.setting.findUnique({ where: { key } });
  if (!row) {
    const fromEnv = key === "autoApproveIdeas" ? env().AUTO_APPROVE_IDEAS : undefined;
    return (fromEnv ?? settingDefaults[key]) as SettingValue<K>;
  }
  const parsed = settingSchemas[key].safeParse(row.value);
  return (parsed.success ? parsed.data : settingDefaults[key]) as SettingValue<K>;
}

export async function setSetting<K extends SettingKey>(key: K, value: SettingValue<K>, by?: string) {
  const v = settingSchemas[key].parse(value);
  await db.$transaction([
    db.setting.upsert({ where: { key }, create: { key, value: v as never }, update: { value: v as never } }),
    db.auditLog.create({ data: { actorId: by, action: "setting.update", entityType: "setting", entityId: key, data: { value: v as never } } }),
  ]);
  return v;
}

export async function allSettings() {
  const rows = await db.setting.findMany();
  const out = { ...settingDefaults } as Record<SettingKey, unknown>;
  for (const r of rows) if (r.key in settingSchemas) out[r.key as SettingKey] = r.value;
  return out as typeof settingDefaults;
}
