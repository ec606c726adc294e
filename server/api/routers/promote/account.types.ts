import { z } from "zod";
import { SECRET_NAMES, SOCIAL_PLATFORMS } from "../../../../lib/promote";

const list = z.array(z.string().trim().min(1).max(200)).max(50);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "use HH:mm (24-hour)");
const cents = z.number().int().min(0).max(10_000_000);

export const ZAccountSettings = z.object({
  voice: z.string().max(500).optional(),
  hashtags: list.optional(),
  doRules: list.optional(),
  dontRules: list.optional(),
  communities: list.optional(),
  timeZone: z.string().min(1).max(64).optional(),
  windows: z.array(z.object({ days: z.array(z.number().int().min(1).max(7)).min(1).max(7), start: hhmm, end: hhmm })).max(21).optional(),
  minIntervalMinutes: z.number().int().min(0).max(10_080).optional(),
  postsPerHour: z.number().int().min(0).max(10_000).optional(),
  dailyCapCents: cents.optional(),
  monthlyCapCents: cents.optional(),
  autoPost: z.boolean().optional(),
  status: z.enum(["ACTIVE", "PAUSED"]).optional(),
});

export const ZSecrets = z.partialRecord(z.enum(SECRET_NAMES), z.string().max(4000));

export const ZConnectAccount = ZAccountSettings.extend({
  brandId: z.string().min(1, "Pick a brand"),
  platform: z.enum(SOCIAL_PLATFORMS),
  handle: z.string().trim().min(1, "A handle is required").max(200),
  serviceUrl: z.url("The service URL must be a URL").optional().or(z.literal("")),
  clientId: z.string().max(200).optional(),
  secrets: ZSecrets.optional(),
});

export const ZUpdateAccount = ZAccountSettings.extend({ accountId: z.string().min(1) });
export const ZReconnectAccount = z.object({ accountId: z.string().min(1), secrets: ZSecrets });
