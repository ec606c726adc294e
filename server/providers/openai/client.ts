import OpenAI from "openai";
import { env } from "../../env";

let client: OpenAI | undefined;

/** The official OpenAI SDK, pointed at OPENAI_BASE_URL when set (tests use a local server). */
export function openai(): OpenAI {
  if (client) return client;
  const e = env();
  if (!e.OPENAI_API_KEY) throw new Error("OPENAI_API_KEY is not set");
  client = new OpenAI({ apiKey: e.OPENAI_API_KEY, baseURL: e.OPENAI_BASE_URL, maxRetries: 2, timeout: 120_000 });
  return client;
}

export function resetOpenAI() {
  client = undefined;
}
