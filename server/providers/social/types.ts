import type { SocialPlatform } from "@prisma/client";

// One interface for every social platform. Providers are stateless: each call gets the account's
// decrypted credentials and reports refreshed tokens through `onCredentials`, so the service stores
// them (encrypted). A provider never touches the database of the services.

/** Decrypted credentials by name (access_token, refresh_token, client_secret, app_password…). */
export type SocialCredentials = Record<string, string>;

export type CredentialUpdate = {
  /** Only the secrets the platform returned; a missing refresh_token keeps the stored one. */
  secrets: SocialCredentials;
  expiresAt: Date | null;
};

export type SocialAccountRef = {
  handle: string;
  serviceUrl: string | null;
  config: Record<string, unknown>;
  credentials: SocialCredentials;
  /** Called when the SDK itself obtained new tokens mid-call (Bluesky refreshes on ExpiredToken). */
  onCredentials?: (update: CredentialUpdate) => Promise<void>;
};

export type OutgoingPost = {
  /** Stable per post: the platform's idempotency key where it has one, or what check-before-retry looks for. */
  idempotencyKey: string;
  /** True when an earlier attempt may have reached the platform (a retry after a crash or timeout). */
  mayExist: boolean;
  title?: string | null;
  text: string;
  link?: string | null;
  image?: { bytes: Buffer; mimeType: string; alt: string } | null;
  /** Where the same image is publicly reachable (the outbox shows it). */
  imageUrl?: string | null;
  community?: string | null;
  /** A reply: the platform id of the comment (or post) answered. */
  replyToId?: string | null;
};

export type PostedResult = { externalId: string; url: string };
export type PostMetrics = { likes: number; replies: number; reposts: number };
export type SocialComment = { id: string; author: string; text: string };

export interface SocialProvider {
  readonly platform: SocialPlatform;
  post(account: SocialAccountRef, post: OutgoingPost): Promise<PostedResult>;
  /** Exchanges the refresh token (or session) for a new access token. */
  refresh(account: SocialAccountRef): Promise<CredentialUpdate>;
  metrics(account: SocialAccountRef, externalId: string): Promise<PostMetrics>;
  /** Comments others left on one of our posts (the community agent drafts replies to them). */
  comments(account: SocialAccountRef, externalId: string): Promise<SocialComment[]>;
}

export type SocialErrorKind = "rate_limited" | "auth" | "rejected" | "transient";

/**
 * What went wrong, in the words the scheduler acts on: rate_limited → reschedule at retryAt;
 * auth → refresh, then "needs reconnect"; rejected → FAILED with the platform's reason; transient → retry.
 */
export class SocialError extends Error {
  constructor(
    public kind: SocialErrorKind,
    message: string,
    public retryAt?: Date,
  ) {
    super(message);
    this.name = "SocialError";
  }
}

export const isSocialError = (e: unknown): e is SocialError => e instanceof SocialError;

/** A "try again in N minutes/seconds" phrase → the moment it names. */
export function retryAtFromText(text: string, now = Date.now()): Date | undefined {
  const m = /try again in (\d+)\s*(second|minute|hour|ms|millisecond)/i.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2].toLowerCase();
  const ms = unit.startsWith("h") ? n * 3_600_000 : unit.startsWith("min") ? n * 60_000 : unit.startsWith("s") ? n * 1000 : n;
  return new Date(now + ms);
}

/** Retry-After (seconds or HTTP date) or a reset header (epoch seconds, seconds-from-now, or ISO). */
export function retryAtFromHeaders(get: (name: string) => string | null | undefined, now = Date.now()): Date | undefined {
  const retryAfter = get("retry-after");
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter.trim())) return new Date(now + Number(retryAfter) * 1000);
    const d = Date.parse(retryAfter);
    if (!Number.isNaN(d)) return new Date(d);
  }
  for (const h of ["ratelimit-reset", "x-ratelimit-reset"]) {
    const v = get(h)?.trim();
    if (!v) continue;
    if (/^\d+(\.\d+)?$/.test(v)) {
      const n = Number(v);
      // Large numbers are epoch seconds (Bluesky), small ones seconds from now (Reddit).
      return new Date(n > 1e9 ? n * 1000 : now + n * 1000);
    }
    const d = Date.parse(v); // Mastodon: ISO 8601
    if (!Number.isNaN(d)) return new Date(d);
  }
  return undefined;
}
