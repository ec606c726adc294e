import { createHmac, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { env } from "../../env";

let cached: { key: string; secret: string } | undefined;

/**
 * Signing secret for the local test checkout's webhook events: derived from NEXTAUTH_SECRET (shared by
 * web and workers), else a random one persisted in DATA_DIR so every process agrees.
 */
export function localWebhookSecret(): string {
  const e = env();
  const key = `${e.NEXTAUTH_SECRET ?? ""}|${e.DATA_DIR}`;
  if (cached?.key === key) return cached.secret;
  let secret: string;
  if (e.NEXTAUTH_SECRET) {
    secret = `whsec_local_${createHmac("sha256", e.NEXTAUTH_SECRET).update("merchloop-local-stripe-webhook").digest("hex")}`;
  } else {
    const file = join(e.DATA_DIR, "local-webhook-secret");
    if (existsSync(file)) secret = readFileSync(file, "utf8").trim();
    else {
      mkdirSync(e.DATA_DIR, { recursive: true });
      secret = `whsec_local_${randomBytes(32).toString("hex")}`;
      writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    }
  }
  cached = { key, secret };
  return secret;
}

/** A deterministic, unguessable id for an idempotency key (same key → same object, like Stripe). */
export function localId(prefix: string, idempotencyKey: string) {
  return `${prefix}_local_${createHmac("sha256", localWebhookSecret()).update(idempotencyKey).digest("base64url").slice(0, 24)}`;
}
