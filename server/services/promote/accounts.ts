import { randomBytes } from "node:crypto";
import { Prisma, type SocialPlatform } from "@prisma/client";
import { db } from "../../db";
import { AppError } from "../../errors";
import { promoAudit } from "./audit";
import { storeSecrets } from "./secrets";
import { isTimeZone, ZWindows, type PostingWindow } from "./windows";

// Brands and their social accounts. Secrets are write-only: they go in through storeSecrets and come
// back out only as names and last four characters.

/** Secrets each platform needs at connect time. */
export const REQUIRED_SECRETS: Record<SocialPlatform, string[]> = {
  REDDIT: ["client_secret", "refresh_token"],
  BLUESKY: ["app_password"],
  MASTODON: ["access_token"],
  OUTBOX: [],
};

export type AccountSettings = {
  voice?: string;
  hashtags?: string[];
  doRules?: string[];
  dontRules?: string[];
  communities?: string[];
  timeZone?: string;
  windows?: PostingWindow[];
  minIntervalMinutes?: number;
  postsPerHour?: number;
  dailyCapCents?: number;
  monthlyCapCents?: number;
  autoPost?: boolean;
  status?: "ACTIVE" | "PAUSED";
};

const cleanList = (xs: string[] | undefined, fn: (s: string) => string = (s) => s) => (xs ? [...new Set(xs.map((s) => fn(s.trim())).filter(Boolean))] : undefined);

function settingsData(s: AccountSettings) {
  if (s.timeZone !== undefined && !isTimeZone(s.timeZone)) throw new AppError("BAD_REQUEST", `"${s.timeZone}" is not a time zone (use an IANA name such as Europe/Berlin)`);
  const windows = s.windows === undefined ? undefined : ZWindows.parse(s.windows);
  return {
    voice: s.voice?.trim(),
    hashtags: cleanList(s.hashtags, (h) => h.replace(/^#+/, "")),
    doRules: cleanList(s.doRules),
    dontRules: cleanList(s.dontRules),
    communities: cleanList(s.communities, (c) => c.replace(/^\/?r\//i, "").toLowerCase()),
    timeZone: s.timeZone,
    windows: windows as Prisma.InputJsonValue | undefined,
    minIntervalMinutes: s.minIntervalMinutes,
    postsPerHour: s.postsPerHour,
    dailyCapCents: s.dailyCapCents,
    monthlyCapCents: s.monthlyCapCents,
    autoPost: s.autoPost,
    status: s.status,
  };
}

export async function createBrand(input: { name: string; dailyCapCents?: number; monthlyCapCents?: number; postsPerHour?: number }, actorId?: string) {
  try {
    const brand = await db.brand.create({ data: { name: input.name.trim(), dailyCapCents: input.dailyCapCents, monthlyCapCents: input.monthlyCapCents, postsPerHour: input.postsPerHour } });
    await promoAudit("account_update", { accountId: null, actorId, data: { brandId: brand.id, brand: brand.name, change: "brand created" } });
    return brand;
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw new AppError("CONFLICT", `A brand named "${input.name}" already exists`);
    throw e;
  }
}

export async function listBrands() {
  return db.brand.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, dailyCapCents: true, monthlyCapCents: true, postsPerHour: true, _count: { select: { accounts: true } } } });
}

export async function updateBrand(id: string, input: { dailyCapCents?: number; monthlyCapCents?: number; postsPerHour?: number }, actorId?: string) {
  const brand = await db.brand.update({ where: { id }, data: input }).catch(() => null);
  if (!brand) throw new AppError("NOT_FOUND", "That brand does not exist");
  await promoAudit("account_update", { accountId: null, actorId, data: { brandId: id, change: "brand caps", ...input } });
  return brand;
}

const trackingCode = () => randomBytes(6).toString("base64url").replace(/[-_]/g, "x").toLowerCase();

export async function connectAccount(
  input: { brandId: string; platform: SocialPlatform; handle: string; serviceUrl?: string | null; clientId?: string | null; secrets?: Record<string, string> } & AccountSettings,
  actorId?: string,
) {
  const handle = input.handle.trim();
  if (!handle) throw new AppError("BAD_REQUEST", "A handle is required");
  const secrets = Object.fromEntries(Object.entries(input.secrets ?? {}).filter(([, v]) => v?.trim()));
  const missing = REQUIRED_SECRETS[input.platform].filter((n) => !secrets[n]);
  if (missing.length) throw new AppError("BAD_REQUEST", `${input.platform.toLowerCase()} needs ${missing.join(" and ")}`);
  if (input.platform === "REDDIT" && !input.clientId) throw new AppError("BAD_REQUEST", "Reddit needs the app's client id");
  if (input.platform === "MASTODON" && !input.serviceUrl) throw new AppError("BAD_REQUEST", "Mastodon needs the instance URL, e.g. https://mastodon.social");
  if (!(await db.brand.findUnique({ where: { id: input.brandId }, select: { id: true } }))) throw new AppError("NOT_FOUND", "That brand does not exist");
  let account;
  try {
    account = await db.socialAccount.create({
      data: {
        brandId: input.brandId,
        platform: input.platform,
        handle,
        serviceUrl: input.serviceUrl?.trim() || null,
        config: input.clientId ? { clientId: input.clientId } : {},
        trackingCode: trackingCode(),
        ...settingsData(input),
      },
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw new AppError("CONFLICT", `${handle} is already connected on ${input.platform.toLowerCase()}`);
    throw e;
  }
  await promoAudit("account_connect", { accountId: account.id, actorId, data: { platform: account.platform, handle, autoPost: account.autoPost } });
  if (Object.keys(secrets).length) await storeSecrets(account.id, secrets, { actorId, reason: "set" });
  return account;
}

export async function updateAccount(id: string, settings: AccountSettings, actorId?: string) {
  const data = settingsData(settings);
  const account = await db.socialAccount.update({ where: { id }, data }).catch(() => null);
  if (!account) throw new AppError("NOT_FOUND", "That account does not exist");
  const changed = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
  await promoAudit("account_update", { accountId: id, actorId, data: { changed: Object.keys(changed), autoPost: account.autoPost } });
  return account;
}

/**
 * New credentials from the admin (reconnect). A NEEDS_RECONNECT account becomes ACTIVE again and
 * its waiting posts go out in their windows (the sweep picks them up).
 */
export async function reconnectAccount(id: string, secrets: Record<string, string>, actorId?: string) {
  const account = await db.socialAccount.findUnique({ where: { id } });
  if (!account) throw new AppError("NOT_FOUND", "That account does not exist");
  const given = Object.fromEntries(Object.entries(secrets).filter(([, v]) => v?.trim()));
  if (!Object.keys(given).length) throw new AppError("BAD_REQUEST", "Enter at least one credential");
  await storeSecrets(id, given, { actorId, reason: "set" });
  // Tokens derived from an old login are dropped when the login itself changes.
  if (account.platform === "BLUESKY" && given.app_password) await db.socialSecret.deleteMany({ where: { accountId: id, name: { in: ["access_jwt", "refresh_jwt"] } } });
  await db.socialAccount.update({ where: { id }, data: { status: "ACTIVE", statusReason: null, tokenExpiresAt: given.access_token ? null : account.tokenExpiresAt } });
  if (account.status === "NEEDS_RECONNECT") await promoAudit("reconnected", { accountId: id, actorId });
}

/** Accounts with their brand, secret names + last 4, and drafting spend — four queries in all. */
export async function listAccounts() {
  const accounts = await db.socialAccount.findMany({
    orderBy: [{ brand: { name: "asc" } }, { createdAt: "asc" }],
    include: { brand: true, secrets: { select: { name: true, last4: true, keyId: true, updatedAt: true }, orderBy: { name: "asc" } } },
  });
  const counts = await db.promoPost.groupBy({ by: ["accountId", "status"], _count: { _all: true } });
  const now = new Date();
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const spend = await db.$queryRaw<Array<{ accountId: string; day: bigint | null; month: bigint | null }>>`
    select "accountId", sum(coalesce("costCents", 1)) filter (where "createdAt" >= ${day}) as day, sum(coalesce("costCents", 1)) as month
    from promo_spend where "createdAt" >= ${month} and "accountId" is not null group by "accountId"`;
  const spendBy = new Map(spend.map((s) => [s.accountId, { day: Number(s.day ?? 0), month: Number(s.month ?? 0) }]));
  const brandSpend = new Map<string, { day: number; month: number }>();
  for (const a of accounts) {
    const s = spendBy.get(a.id) ?? { day: 0, month: 0 };
    const b = brandSpend.get(a.brandId) ?? { day: 0, month: 0 };
    brandSpend.set(a.brandId, { day: b.day + s.day, month: b.month + s.month });
  }
  return accounts.map((a) => {
    const s = spendBy.get(a.id) ?? { day: 0, month: 0 };
    const b = brandSpend.get(a.brandId)!;
    const capReason =
      s.day >= a.dailyCapCents ? "account daily cap reached" : s.month >= a.monthlyCapCents ? "account monthly cap reached" : b.day >= a.brand.dailyCapCents ? "brand daily cap reached" : b.month >= a.brand.monthlyCapCents ? "brand monthly cap reached" : null;
    const byStatus = Object.fromEntries(counts.filter((c) => c.accountId === a.id).map((c) => [c.status, c._count._all]));
    return {
      id: a.id,
      brand: { id: a.brand.id, name: a.brand.name, dailyCapCents: a.brand.dailyCapCents, monthlyCapCents: a.brand.monthlyCapCents, postsPerHour: a.brand.postsPerHour },
      platform: a.platform,
      handle: a.handle,
      serviceUrl: a.serviceUrl,
      status: a.status,
      statusReason: a.statusReason,
      autoPost: a.autoPost,
      trackingCode: a.trackingCode,
      voice: a.voice,
      hashtags: a.hashtags,
      doRules: a.doRules,
      dontRules: a.dontRules,
      communities: a.communities,
      timeZone: a.timeZone,
      windows: a.windows as PostingWindow[],
      minIntervalMinutes: a.minIntervalMinutes,
      postsPerHour: a.postsPerHour,
      dailyCapCents: a.dailyCapCents,
      monthlyCapCents: a.monthlyCapCents,
      tokenExpiresAt: a.tokenExpiresAt,
      secrets: a.secrets.map((x) => ({ name: x.name, last4: x.last4, updatedAt: x.updatedAt })),
      spend: { dayCents: s.day, monthCents: s.month },
      capReason,
      posts: byStatus as Record<string, number>,
    };
  });
}
