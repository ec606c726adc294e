import { env } from "../../env";
import { AppError } from "../../errors";
import { openai } from "../openai/client";
import { PRODUCT_TYPES, ZIdeaDraft, type IdeaDraft, type IdeaInput, type IdeaWriter } from "./types";

export const IDEA_SCHEMA_NAME = "merch_idea";

/** JSON schema sent as structured output (strict: every field required, nothing extra). */
export const ideaJsonSchema = {
  type: "object",
  additionalProperties: false,
  required: ["theme", "title", "imagePrompt", "productTypes"],
  properties: {
    theme: { type: "string", description: "2-4 words naming the design theme, e.g. 'cozy gaming'" },
    title: { type: "string", description: "a punchy slogan printed on the product, at most 60 characters" },
    imagePrompt: { type: "string", description: "a brief for the image model: typography, motif, palette, style; transparent background" },
    productTypes: { type: "array", items: { type: "string", enum: [...PRODUCT_TYPES] }, description: "which products suit the design" },
  },
} as const;

const SYSTEM = [
  "You turn trending Reddit posts into print-on-demand merch ideas.",
  "Write a short theme, a punchy slogan (at most 60 characters, no hashtags, no trademarks, nothing hateful or sexual),",
  "an image prompt describing typography, motif, palette and style on a transparent background,",
  "and the product types that suit it (tee, sticker, mug, poster).",
].join(" ");

function userMessage(input: IdeaInput): string {
  return [
    `Subreddit: r/${input.community ?? "unknown"}`,
    input.style ? `Community style: ${input.style}` : null,
    `Post title: ${input.title}`,
    input.body ? `Post body (excerpt): ${input.body.slice(0, 1200)}` : null,
    input.keywords.length ? `Keywords: ${input.keywords.slice(0, 12).join(", ")}` : null,
    input.productTypes?.length ? `Use exactly these product types: ${input.productTypes.join(", ")}` : null,
  ]
    .filter(Boolean)
    .join("\n");
}

/** Parse the model's reply into a draft or throw an AppError that says what was wrong. */
export function parseIdeaReply(content: string | null | undefined, refusal?: string | null): IdeaDraft {
  if (refusal) throw new AppError("UPSTREAM", `OpenAI refused to write this idea: ${refusal}`);
  if (!content) throw new AppError("UPSTREAM", "OpenAI returned an empty idea (no message content)");
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    throw new AppError("UPSTREAM", `OpenAI returned an idea that is not valid JSON: ${content.slice(0, 120)}`);
  }
  const parsed = ZIdeaDraft.safeParse(json);
  if (!parsed.success) {
    const why = parsed.error.issues.map((i) => `${i.path.join(".") || "idea"}: ${i.message}`).join("; ");
    throw new AppError("UPSTREAM", `OpenAI returned an idea that does not match the schema (${why})`);
  }
  return parsed.data;
}

/** Structured output through the official SDK; the reply is validated with zod. */
export function openaiIdeaWriter(): IdeaWriter {
  const model = env().OPENAI_MODEL;
  return {
    name: `openai:${model}`,
    promptVersion: "openai-json@1",
    async write(input) {
      const res = await openai().chat.completions.create({
        model,
        temperature: 0.8,
        messages: [
          { role: "system", content: SYSTEM },
          { role: "user", content: userMessage(input) },
        ],
        response_format: { type: "json_schema", json_schema: { name: IDEA_SCHEMA_NAME, strict: true, schema: ideaJsonSchema as unknown as Record<string, unknown> } },
      });
      const msg = res.choices?.[0]?.message;
      const draft = parseIdeaReply(msg?.content, msg?.refusal);
      const usage = { provider: "openai", operation: "chat", model: res.model || model, units: { input_token: res.usage?.prompt_tokens ?? 0, output_token: res.usage?.completion_tokens ?? 0 } } as const;
      if (input.productTypes?.length) return { ...draft, productTypes: [...new Set(input.productTypes)], usage };
      return { ...draft, usage };
    },
  };
}

