import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "../server/env";
import { copywriter } from "../server/providers/copywriter";
import { localCopywriter } from "../server/providers/copywriter/local";
import type { CopyInput } from "../server/providers/copywriter/types";
import { resetOpenAI } from "../server/providers/openai/client";
import { startOpenAIServer } from "./contract/openai-server";

// The post writer: OpenAI structured output through the official SDK (against a local server speaking
// OpenAI's wire format) with its spend in ledger shape, and the offline templates.

const saved = { ...process.env };
let server: Awaited<ReturnType<typeof startOpenAIServer>>;
const input: CopyInput = {
  kind: "product",
  platform: "BLUESKY",
  product: { title: "Loaf Mode Tee", description: "A cat in loaf mode.", tags: ["cat"], community: "cats", priceLabel: "25.00 USD" },
  persona: { voice: "playful", hashtags: ["catmerch"], doRules: ["mention the community"], dontRules: ["no emojis"] },
  maxBody: 120,
};

beforeAll(async () => {
  server = await startOpenAIServer();
  Object.assign(process.env, { DATABASE_URL: "postgresql://127.0.0.1:5432/unused", REDIS_URL: "redis://127.0.0.1:6379", OPENAI_API_KEY: "sk-test-contract", OPENAI_BASE_URL: server.baseURL, OPENAI_MODEL: "gpt-4o-mini" });
  resetEnvCache();
  resetOpenAI();
});
afterAll(async () => {
  await server.close();
  process.env = saved;
  resetEnvCache();
  resetOpenAI();
});

describe("post copywriter", () => {
  it("asks OpenAI for the json_schema post with the persona's rules and prices the tokens", async () => {
    server.replyWith(JSON.stringify({ title: "Loaf mode: on", body: "r/cats knows the loaf. Now you can wear it." }));
    const w = copywriter();
    expect(w.name).toBe("openai:gpt-4o-mini");
    const { copy, usage } = await w.write(input);
    expect(copy).toEqual({ title: "Loaf mode: on", body: "r/cats knows the loaf. Now you can wear it." });
    expect(usage).toEqual({ provider: "openai:gpt-4o-mini", units: 20, costCents: 1 });
    const req = server.requests.at(-1)!.body as { response_format: { type: string; json_schema: { strict: boolean } }; messages: Array<{ content: string }> };
    expect(req.response_format.type).toBe("json_schema");
    expect(req.response_format.json_schema.strict).toBe(true);
    expect(req.messages[0].content).toContain("Don't: no emojis");
  });

  it("refuses a reply that does not match the schema", async () => {
    server.replyWith(JSON.stringify({ text: "wrong shape" }));
    await expect(copywriter().write(input)).rejects.toThrow(/does not match the schema/);
  });

  it("templates offline: the voice picks the phrasing, the length limit holds, cost 0", async () => {
    const { copy, usage } = await localCopywriter.write({ ...input, maxBody: 60 });
    expect(copy.body.length).toBeLessThanOrEqual(60);
    expect(copy.body).toMatch(/Loaf Mode Tee/);
    expect(usage).toEqual({ provider: "template", units: 1, costCents: 0 });
    const reply = await localCopywriter.write({ ...input, kind: "reply", comment: { author: "sam", text: "love it" } });
    expect(reply.copy.body).toContain("sam");
  });
});
