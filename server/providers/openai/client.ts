import OpenAI from "openai";
import { selectProvider } from "../select";

/** The official OpenAI SDK, pointed at OPENAI_BASE_URL when set (tests use a local server). */
export const openai = selectProvider(
  (e) => `${e.OPENAI_API_KEY ?? ""}|${e.OPENAI_BASE_URL ?? ""}`,
  (e) => {
    if (!e.OPENAI_API_KEY) throw new Error("OPENAI_API_KEY is not set");
    return new OpenAI({ apiKey: e.OPENAI_API_KEY, baseURL: e.OPENAI_BASE_URL, maxRetries: 2, timeout: 120_000 });
  },
);

export const resetOpenAI = openai.reset;
