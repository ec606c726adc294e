import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "../server/env";
import { resetOpenAI } from "../server/providers/openai/client";
import { ideaWriter } from "../server/providers/ideas";
import { embeddings } from "../server/providers/embeddings";
import { IDEA_SCHEMA_NAME } from "../server/providers/ideas/openai";
import { startOpenAIServer, vectorFor } from "./contract/openai-server";

let server: Awaited<ReturnType<typeof startOpenAIServer>>;
const saved = { ...process.env };

const post = {
  signalId: "sig-contract",
  title: "Finally finished my mechanical keyboard build",
  body: "Lubed every switch.",
  community: "mechanicalkeyboards",
  keywords: ["mechanical keyboard", "switches"],
  style: "retro pixel art",
};

beforeAll(async () => {
  server = await startOpenAIServer({ dims: 12 });
  Object.assign(process.env, {
    DATABASE_URL: "postgresql://127.0.0.1:5432/unused",
    REDIS_URL: "redis://127.0.0.1:6379",
    OPENAI_API_KEY: "sk-test-contract",
    OPENAI_BASE_URL: server.baseURL,
    OPENAI_MODEL: "gpt-contract-mini",
    OPENAI_EMBEDDING_MODEL: "text-embedding-contract",
  });
  resetEnvCache();
  resetOpenAI();
});

afterAll(async () => {
  await server.close();
  process.env = saved;
  resetEnvCache();
  resetOpenAI();
});

describe("OpenAI idea writer (structured output) through the official SDK", () => {
  it("sends the json_schema request and returns the zod-validated idea", async () => {
    server.replyWith(JSON.stringify({ theme: "retro desk setups", title: "Clack Clack Repeat", imagePrompt: "chunky pixel lettering reading Clack Clack Repeat over a keycap, teal and orange", productTypes: ["tee", "mug"] }));
    const writer = ideaWriter();
    expect(writer).toMatchObject({ name: "openai:gpt-contract-mini", promptVersion: "openai-json@1" });
    const draft = await writer.write(post);
    expect(draft).toEqual({
      theme: "retro desk setups",
      title: "Clack Clack Repeat",
      imagePrompt: expect.stringContaining("keycap"),
      productTypes: ["tee", "mug"],
      // the token counts the API reported, for the caller's cost row
      usage: { provider: "openai", operation: "chat", model: "gpt-contract-mini", units: { input_token: 10, output_token: 10 } },
    });

    const req = server.requests.at(-1)!;
    expect(req.path).toBe("/v1/chat/completions");
    expect(req.body.model).toBe("gpt-contract-mini");
    const rf = req.body.response_format as { type: string; json_schema: { name: string; strict: boolean; schema: { required: string[]; properties: Record<string, unknown> } } };
    expect(rf.type).toBe("json_schema");
    expect(rf.json_schema.name).toBe(IDEA_SCHEMA_NAME);
    expect(rf.json_schema.strict).toBe(true);
    expect(rf.json_schema.schema.required).toEqual(["theme", "title", "imagePrompt", "productTypes"]);
    const user = (req.body.messages as Array<{ role: string; content: string }>).find((m) => m.role === "user")!;
    expect(user.content).toContain("r/mechanicalkeyboards");
    expect(user.content).toContain("Finally finished my mechanical keyboard build");
    expect(user.content).toContain("retro pixel art");
  });

  it("forces the requested product types", async () => {
    server.replyWith(JSON.stringify({ theme: "t heme", title: "A title", imagePrompt: "a long enough image prompt for the design", productTypes: ["tee"] }));
    const draft = await ideaWriter().write({ ...post, productTypes: ["poster"] });
    expect(draft.productTypes).toEqual(["poster"]);
    expect((server.requests.at(-1)!.body.messages as Array<{ content: string }>)[1].content).toContain("Use exactly these product types: poster");
  });

  it("gives a clear error for malformed JSON and for output that breaks the schema", async () => {
    server.replyWith("{ this is not json");
    await expect(ideaWriter().write(post)).rejects.toMatchObject({ code: "UPSTREAM", message: expect.stringContaining("not valid JSON") });
    server.replyWith(JSON.stringify({ theme: "x", title: "y".repeat(80), imagePrompt: "short", productTypes: ["hoodie"] }));
    await expect(ideaWriter().write(post)).rejects.toMatchObject({ code: "UPSTREAM", message: expect.stringMatching(/does not match the schema.*title/) });
  });
});

describe("OpenAI embeddings through the official SDK", () => {
  it("decodes the base64 Float32 reply the SDK asks for by default", async () => {
    const provider = embeddings();
    expect(provider.name).toBe("openai:text-embedding-contract");
    const texts = ["mechanical keyboard", "sourdough bread"];
    const vectors = await provider.embed(texts);
    const req = server.requests.at(-1)!;
    expect(req.path).toBe("/v1/embeddings");
    expect(req.body).toMatchObject({ model: "text-embedding-contract", input: texts, encoding_format: "base64" });
    expect(vectors).toHaveLength(2);
    vectors.forEach((v, i) => {
      expect(v).toHaveLength(12);
      v.forEach((x, d) => expect(x).toBeCloseTo(vectorFor(texts[i], 12)[d], 6));
    });
  });
});
