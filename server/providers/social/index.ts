import type { SocialPlatform } from "@prisma/client";
import { blueskyProvider } from "./bluesky";
import { mastodonProvider } from "./mastodon";
import { outboxProvider } from "./outbox";
import { redditProvider } from "./reddit";
import type { SocialProvider } from "./types";

export * from "./types";

// Unlike other provider folders, the choice here is per account, not per env: each connected account
// names its platform, and the outbox is the local one (no keys, stores and renders posts itself).
const providers: Record<SocialPlatform, SocialProvider> = {
  REDDIT: redditProvider,
  BLUESKY: blueskyProvider,
  MASTODON: mastodonProvider,
  OUTBOX: outboxProvider,
};

export function socialProvider(platform: SocialPlatform): SocialProvider {
  return providers[platform];
}
