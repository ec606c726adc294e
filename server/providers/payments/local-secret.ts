import { createHmac, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { env } from "../../env";

let cached: { key: string; secret: string } | undefined;

const errno = (e: unknown) => (e as NodeJS.ErrnoException | null)?.code;

/** A random secret kept in DATA_DIR; the first process to write it wins and the others read it. */
function persistedSecret(dataDir: string): string {
  const file = join(dataDir, "local-webhook-secret");
  const read = () => readFileSync(file, "utf8").trim();
  try {
    return read();
  } catch (e) {
    if (errno(e) !== "ENOENT") throw e;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = `whsec_local_${randomBytes(32).toString("hex")}`;
  try {
    writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  } catch (e) {
    // Web and worker started together: the other one created it first.
    if (errno(e) !== "EEXIST") throw e;
    return read();
  }
}

/**
 * Signing secret for the local test checkout's webhook events, the same in web and workers:
 * LOCAL_WEBHOOK_SECRET when set (npm start persists and passes one), else derived from
 * NEXTAUTH_SECRET, else a random one persisted in DATA_DIR.
 */
export function localWebhookSecret(): string {
  const e = env();
  const given = e.LOCAL_WEBHOOK_SECRET;
  const key = `${given ?? ""}|${e.NEXTAUTH_SECRET ?? ""}|${e.DATA_DIR}`;
  if (cached?.key === key) return cached.secret;
  let secret: string;
  if (given) secret = given;
  else if (e.NEXTAUTH_SECRET) secret = `whsec_local_${createHmac("sha256", e.NEXTAUTH_SECRET).update("merchloop-local-stripe-webhook").digest("hex")}`;
  else secret = persistedSecret(e.DATA_DIR);
  cached = { key, secret };
  return secret;
}

/** A deterministic, unguessable id for an idempotency key (same key → same object, like Stripe). */
export function localId(prefix: string, idempotencyKey: string) {
  return `${prefix}_local_${createHmac("sha256", localWebhookSecret()).update(idempotencyKey).digest("base64url").slice(0, 24)}`;
}
