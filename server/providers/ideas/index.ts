import { selectProvider } from "../select";
import { localIdeaWriter } from "./local";
import { openaiIdeaWriter } from "./openai";

export type { IdeaWriter, IdeaDraft, IdeaInput, IdeaProductType } from "./types";

/** The idea writer chosen by env (local grammar unless OpenAI is keyed). */
export const ideaWriter = selectProvider(
  (e) => `${e.providers.ideas}|${e.OPENAI_MODEL}`,
  (e) => (e.providers.ideas === "openai" ? openaiIdeaWriter() : localIdeaWriter),
);
