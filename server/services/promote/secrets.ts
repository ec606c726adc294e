import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { db } from "../../db";
import { env } from "../../env";
import { AppError } from "../../errors";
import { promoAudit } from "./audit";

// Credentials at rest: AES-256-GCM, a fresh 12-byte IV per secret, the account id and secret name as
// additional authenticated data (a ciphertext moved to another row fails to open), and the id of the
// key that sealed it on every row. CREDENTIALS_KEYS lists "id:base64key" entries, newest first; old
// keys stay listed until `npm run cli -- rotate-key` has re-sealed everything under the newest.

export type Keyring = { currentId: string; keys: Map<string, Buffer> };

export function parseKeyring(spec: string | undefined): Keyring {
  const entries = (spec ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (!entries.length) {
    throw new AppError("PRECONDITION_FAILED", "CREDENTIALS_KEYS is not set: add a key (id:base64 of 32 random bytes, e.g. `openssl rand -base64 32`) before storing credentials");
  }
  const keys = new Map<string, Buffer>();
  for (const e of entries) {
    const [id, b64] = e.split(":");
    const key = Buffer.from(b64 ?? "", "base64");
    if (!id || key.length !== 32) throw new AppError("PRECONDITION_FAILED", `CREDENTIALS_KEYS entry "${id ?? ""}" is not id:base64-of-32-bytes`);
    keys.set(id, key);
  }
  return { currentId: entries[0].split(":")[0], keys };
}

export const keyring = () => parseKeyring(env().CREDENTIALS_KEYS);

const aad = (accountId: string, name: string) => Buffer.from(`${accountId}:${name}`, "utf8");

export function seal(plain: string, ctx: { accountId: string; name: string }, ring: Keyring = keyring()) {
  const iv = randomBytes(12);
  const c = createCipheriv("aes-256-gcm", ring.keys.get(ring.currentId)!, iv);
  c.setAAD(aad(ctx.accountId, ctx.name));
  const ct = Buffer.concat([c.update(plain, "utf8"), c.final()]);
  return { keyId: ring.currentId, ciphertext: Buffer.concat([iv, c.getAuthTag(), ct]).toString("base64") };
}

/** Opens one secret with the key its row names; throws when the key is unknown or the data was altered. */
export function unseal(row: { keyId: string; ciphertext: string; accountId: string; name: string }, ring: Keyring = keyring()): string {
  const key = ring.keys.get(row.keyId);
  if (!key) throw new AppError("PRECONDITION_FAILED", `Credential key "${row.keyId}" is not in CREDENTIALS_KEYS: keep old keys listed until rotate-key has run`);
  const raw = Buffer.from(row.ciphertext, "base64");
  const d = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
  d.setAAD(aad(row.accountId, row.name));
  d.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString("utf8");
}

export const lastFour = (s: string) => (s.length <= 4 ? "•".repeat(s.length) : s.slice(-4));

/** Stores (replaces) secrets by name. Values never reach logs or the audit trail: only their names. */
export async function storeSecrets(accountId: string, secrets: Record<string, string>, opts: { actorId?: string | null; reason: "set" | "refresh" } = { reason: "set" }) {
  const entries = Object.entries(secrets).filter(([, v]) => typeof v === "string" && v.length > 0);
  if (!entries.length) return;
  const ring = keyring();
  await db.$transaction(
    entries.map(([name, value]) => {
      const sealed = seal(value, { accountId, name }, ring);
      return db.socialSecret.upsert({
        where: { accountId_name: { accountId, name } },
        create: { accountId, name, ...sealed, last4: lastFour(value) },
        update: { ...sealed, last4: lastFour(value) },
      });
    }),
  );
  if (opts.reason === "set") await promoAudit("credential_set", { accountId, actorId: opts.actorId, data: { names: entries.map(([n]) => n) } });
}

/** Every secret of an account, decrypted (server side only, for a provider call). */
export async function loadCredentials(accountId: string): Promise<Record<string, string>> {
  const rows = await db.socialSecret.findMany({ where: { accountId } });
  if (!rows.length) return {};
  const ring = keyring();
  return Object.fromEntries(rows.map((r) => [r.name, unseal(r, ring)]));
}

/**
 * Re-seals every secret not yet under the newest key. Each row is updated only if it still carries
 * the key id it was read with, so a concurrent refresh is never overwritten with an older token.
 */
export async function rotateKeys(opts: { onProgress?: (done: number, total: number) => void; batch?: number } = {}) {
  const ring = keyring();
  const total = await db.socialSecret.count({ where: { keyId: { not: ring.currentId } } });
  let rotated = 0;
  let skipped = 0;
  let cursor: string | undefined;
  const batch = opts.batch ?? 200;
  for (;;) {
    const rows = await db.socialSecret.findMany({
      where: { keyId: { not: ring.currentId }, ...(cursor ? { id: { gt: cursor } } : {}) },
      orderBy: { id: "asc" },
      take: batch,
    });
    if (!rows.length) break;
    for (const r of rows) {
      const sealed = seal(unseal(r, ring), { accountId: r.accountId, name: r.name }, ring);
      const moved = await db.socialSecret.updateMany({ where: { id: r.id, keyId: r.keyId, ciphertext: r.ciphertext }, data: sealed });
      if (moved.count) rotated++;
      else skipped++;
    }
    cursor = rows[rows.length - 1].id;
    opts.onProgress?.(rotated + skipped, total);
  }
  const remaining = await db.socialSecret.count({ where: { keyId: { not: ring.currentId } } });
  await promoAudit("key_rotated", { accountId: null, data: { keyId: ring.currentId, rotated, remaining } });
  return { keyId: ring.currentId, rotated, skipped, remaining };
}
