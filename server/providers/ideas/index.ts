import { env } from "../../env";
import { localIdeaWriter } from "./local";
import { openaiIdeaWriter } from "./openai";
import type { IdeaWriter } from "./types";

export type { IdeaWriter, IdeaDraft, IdeaInput, IdeaProductType } from "./types";

/** The idea writer chosen by env (local grammar unless OpenAI is keyed). */
export function ideaWriter(): IdeaWriter {
  return env().providers.ideas === "openai" ? openaiIdeaWriter() : localIdeaWriter;
}
