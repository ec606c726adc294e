import { env } from "../../env";
import { localCopywriter } from "./local";
import { openaiCopywriter } from "./openai";
import type { Copywriter } from "./types";

export type { Copy, CopyInput, CopyUsage, Copywriter } from "./types";

/** The post writer chosen by env: OpenAI structured output when keyed, templates offline. */
export function copywriter(): Copywriter {
  return env().providers.promoteWriter === "openai" ? openaiCopywriter() : localCopywriter;
}
