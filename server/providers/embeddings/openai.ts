import { env } from "../../env";
import { AppError } from "../../errors";
import { openai } from "../openai/client";
import type { EmbeddingProvider } from "./types";

const MAX_INPUTS_PER_REQUEST = 512;

/** OpenAI embeddings through the official SDK (it requests base64 and decodes Float32 for us). */
export function openaiEmbeddings(): EmbeddingProvider {
  const model = env().OPENAI_EMBEDDING_MODEL;
  return {
    name: `openai:${model}`,
    async embed(texts, opts) {
      const out: number[][] = [];
      for (let i = 0; i < texts.length; i += MAX_INPUTS_PER_REQUEST) {
        const input = texts.slice(i, i + MAX_INPUTS_PER_REQUEST).map((t) => t.slice(0, 8000) || " ");
        const res = await openai().embeddings.create({ model, input });
        opts?.onUsage?.({ provider: "openai", operation: "embeddings", model, units: { input_token: res.usage?.prompt_tokens ?? 0 } });
        if (!Array.isArray(res.data) || res.data.length !== input.length) {
          throw new AppError("UPSTREAM", `OpenAI embeddings returned ${res.data?.length ?? 0} vectors for ${input.length} inputs`);
        }
        const sorted = [...res.data].sort((a, b) => a.index - b.index);
        for (const d of sorted) {
          if (!Array.isArray(d.embedding) || d.embedding.some((x) => typeof x !== "number" || !Number.isFinite(x))) {
            throw new AppError("UPSTREAM", "OpenAI embeddings returned a vector that is not a list of numbers");
          }
          out.push(d.embedding);
        }
      }
      return out;
    },
  };
}
