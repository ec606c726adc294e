import { env } from "../../env";
import { openaiModeration } from "./openai";
import type { ModerationProvider } from "./types";

export type { ModerationProvider, ModerationVerdict } from "./types";

/**
 * The hosted moderation chosen by env: OpenAI when OPENAI_API_KEY is set, otherwise none (the
 * shipped denylist, which always runs, is then the only check — there is no offline classifier).
 */
export function moderationProvider(): ModerationProvider | null {
  return env().OPENAI_API_KEY ? openaiModeration : null;
}
