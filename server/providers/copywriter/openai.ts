import { env } from "../../env";
import { AppError } from "../../errors";
import { openai } from "../openai/client";
import { clip } from "./local";
import { ZCopy, type Copywriter, type CopyInput } from "./types";

// Structured output through the official SDK; the reply is validated with zod. Cost is computed from
// the reported token usage for models whose price we know, else left null (the ledger shape allows it).

const schema = {
  type: "object",
  additionalProperties: false,
  required: ["title", "body"],
  properties: {
    title: { type: "string", description: "a post title (Reddit) or headline, at most 120 characters, no hashtags" },
    body: { type: "string", description: "the post text, without links or hashtags" },
  },
} as const;

// US cents per million tokens [input, output].
const PRICES: Record<string, [number, number]> = { "gpt-4o-mini": [15, 60], "gpt-4o": [250, 1000], "gpt-4.1-mini": [40, 160], "gpt-4.1-nano": [10, 40] };

function system(input: CopyInput) {
  const p = input.persona;
  return [
    `You write short social posts for a print-on-demand shop on ${input.platform.toLowerCase()}.`,
    p.voice ? `Voice: ${p.voice}.` : "",
    p.doRules.length ? `Do: ${p.doRules.join("; ")}.` : "",
    p.dontRules.length ? `Don't: ${p.dontRules.join("; ")}.` : "",
    `Keep the body under ${input.maxBody} characters. No links, no hashtags (they are added for you). Nothing hateful, sexual or trademarked.`,
  ]
    .filter(Boolean)
    .join(" ");
}

function user(input: CopyInput) {
  if (input.kind === "reply") return `Someone (${input.comment?.author}) commented on our post about "${input.product.title}": "${input.comment?.text.slice(0, 500)}". Write a friendly, brief reply.`;
  return [
    `Product: ${input.product.title} (${input.product.priceLabel})`,
    input.kind === "commission" ? "It was commissioned by a shopper who agreed we may share it." : "",
    input.product.community ? `Community it comes from: r/${input.product.community}` : "",
    `Description: ${input.product.description.slice(0, 600)}`,
    input.product.tags.length ? `Tags: ${input.product.tags.slice(0, 10).join(", ")}` : "",
  ]
    .filter(Boolean)
    .join("\n");
}

export function openaiCopywriter(): Copywriter {
  const model = env().OPENAI_MODEL;
  return {
    name: `openai:${model}`,
    async write(input) {
      const res = await openai().chat.completions.create({
        model,
        temperature: 0.7,
        messages: [
          { role: "system", content: system(input) },
          { role: "user", content: user(input) },
        ],
        response_format: { type: "json_schema", json_schema: { name: "social_post", strict: true, schema: schema as unknown as Record<string, unknown> } },
      });
      const msg = res.choices?.[0]?.message;
      if (msg?.refusal) throw new AppError("UPSTREAM", `OpenAI refused to write this post: ${msg.refusal}`);
      let parsed;
      try {
        parsed = ZCopy.safeParse(JSON.parse(msg?.content ?? ""));
      } catch {
        throw new AppError("UPSTREAM", "OpenAI returned a post that is not valid JSON");
      }
      if (!parsed.success) throw new AppError("UPSTREAM", "OpenAI returned a post that does not match the schema");
      const inTok = res.usage?.prompt_tokens ?? 0;
      const outTok = res.usage?.completion_tokens ?? 0;
      const price = PRICES[model.replace(/-\d{4}-\d{2}-\d{2}$/, "")];
      const costCents = price ? Math.ceil((inTok * price[0] + outTok * price[1]) / 1_000_000) : null;
      return {
        copy: { title: clip(parsed.data.title, 300), body: clip(parsed.data.body, input.maxBody) },
        usage: { provider: `openai:${model}`, units: inTok + outTok, costCents },
      };
    },
  };
}
