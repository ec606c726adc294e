import { randomUUID } from "node:crypto";
import type { SocialAccount } from "@prisma/client";
import { db } from "../../db";
import { log } from "../../log";
import { isSocialError, socialProvider, type CredentialUpdate, type SocialAccountRef } from "../../providers/social";
import { queuePrefix, redis } from "../../queues/connection";
import { promoAudit } from "./audit";
import { loadCredentials, storeSecrets } from "./secrets";

// Tokens are refreshed before they expire (REFRESH_AHEAD_MS), one refresh per account at a time
// (a Redis lock: platforms that rotate refresh tokens would otherwise see the second refresh use a
// token the first one just spent). A new refresh token replaces the stored one only when the platform
// returned one. A refused refresh marks the account NEEDS_RECONNECT; its posts wait for a reconnect.

export const REFRESH_AHEAD_MS = 5 * 60_000;
const LOCK_MS = 30_000;

/** Saves refreshed tokens (only those returned) and the new expiry. */
export async function saveCredentialUpdate(accountId: string, update: CredentialUpdate) {
  await storeSecrets(accountId, update.secrets, { reason: "refresh" });
  await db.socialAccount.update({ where: { id: accountId }, data: { tokenExpiresAt: update.expiresAt } });
  await promoAudit("credential_refresh", { accountId, data: { names: Object.keys(update.secrets), expiresAt: update.expiresAt?.toISOString() ?? null } });
}

/** What a provider call needs: decrypted credentials and a way to store tokens the SDK renewed. */
export async function accountRef(account: Pick<SocialAccount, "id" | "handle" | "serviceUrl" | "config">): Promise<SocialAccountRef> {
  return {
    handle: account.handle,
    serviceUrl: account.serviceUrl,
    config: (account.config ?? {}) as Record<string, unknown>,
    credentials: await loadCredentials(account.id),
    onCredentials: (u) => saveCredentialUpdate(account.id, u),
  };
}

export async function markNeedsReconnect(accountId: string, reason: string) {
  const moved = await db.socialAccount.updateMany({ where: { id: accountId, status: { not: "NEEDS_RECONNECT" } }, data: { status: "NEEDS_RECONNECT", statusReason: reason.slice(0, 500) } });
  if (moved.count) {
    await promoAudit("needs_reconnect", { accountId, data: { reason: reason.slice(0, 500) } });
    log.warn({ accountId, reason }, "social account needs reconnect");
  }
}

async function withLock<T>(accountId: string, fn: () => Promise<T>): Promise<T | "busy"> {
  const key = `${queuePrefix()}:promo:refresh:${accountId}`;
  const token = randomUUID();
  if ((await redis().set(key, token, "PX", LOCK_MS, "NX")) !== "OK") {
    for (let waited = 0; waited < LOCK_MS; waited += 200) {
      await new Promise((r) => setTimeout(r, 200));
      if (!(await redis().exists(key))) break;
    }
    return "busy";
  }
  try {
    return await fn();
  } finally {
    await redis().eval(`if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`, 1, key, token);
  }
}

/**
 * Refreshes the account's token. `force` refreshes even when the stored expiry looks fine (the
 * platform just answered "expired"). Returns false when the platform refused: the account is then
 * NEEDS_RECONNECT. Throws on a transient failure (the caller retries later).
 */
export async function refreshAccount(accountId: string, opts: { force?: boolean; usedAccessToken?: string } = {}): Promise<boolean> {
  const outcome = await withLock(accountId, async () => {
    const account = await db.socialAccount.findUniqueOrThrow({ where: { id: accountId } });
    if (account.status === "NEEDS_RECONNECT") return false;
    const ref = await accountRef(account);
    const current = ref.credentials.access_token ?? ref.credentials.access_jwt;
    // Another worker refreshed meanwhile: nothing to do.
    if (opts.usedAccessToken && current && current !== opts.usedAccessToken) return true;
    if (!opts.force && account.tokenExpiresAt && account.tokenExpiresAt.getTime() - Date.now() > REFRESH_AHEAD_MS) return true;
    try {
      const update = await socialProvider(account.platform).refresh({ ...ref, onCredentials: undefined });
      await saveCredentialUpdate(accountId, update);
      return true;
    } catch (e) {
      if (isSocialError(e) && (e.kind === "auth" || e.kind === "rejected")) {
        await markNeedsReconnect(accountId, e.message);
        return false;
      }
      throw e;
    }
  });
  if (outcome === "busy") {
    const now = await db.socialAccount.findUniqueOrThrow({ where: { id: accountId }, select: { status: true } });
    return now.status !== "NEEDS_RECONNECT";
  }
  return outcome;
}

/** Refreshes ahead of expiry when the stored expiry is near. */
export async function ensureFresh(account: Pick<SocialAccount, "id" | "tokenExpiresAt">): Promise<boolean> {
  if (!account.tokenExpiresAt || account.tokenExpiresAt.getTime() - Date.now() > REFRESH_AHEAD_MS) return true;
  return refreshAccount(account.id);
}
