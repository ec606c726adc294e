import { openai } from "../openai/client";
import type { ModerationProvider } from "./types";

/** OpenAI's moderation endpoint (free with any key), through the official SDK. */
export const openaiModeration: ModerationProvider = {
  name: "openai",
  async check(texts) {
    const res = await openai().moderations.create({ model: "omni-moderation-latest", input: texts });
    const categories = new Set<string>();
    for (const r of res.results) {
      if (!r.flagged) continue;
      for (const [name, on] of Object.entries(r.categories)) if (on) categories.add(name);
    }
    return { flagged: res.results.some((r) => r.flagged), categories: [...categories] };
  },
};
