import { env } from "../../env";
import { AppError } from "../../errors";
import { openai } from "../openai/client";
import type { GenerateImageInput, GeneratedImage, ImageProvider } from "./types";

type OpenAISize = "1024x1024" | "1024x1536" | "1536x1024";
type OpenAIQuality = "low" | "medium" | "high";

/** gpt-image models take three sizes: pick the one nearest the requested aspect. */
export function openaiSize(width: number, height: number): OpenAISize {
  const r = width / height;
  if (r > 1.2) return "1536x1024";
  if (r < 0.83) return "1024x1536";
  return "1024x1024";
}

const QUALITY: Record<GenerateImageInput["quality"], OpenAIQuality> = { standard: "medium", high: "high", ultra: "high" };

export function openaiPrompt(input: GenerateImageInput) {
  const colours = input.palette?.length ? ` Use this palette: ${input.palette.join(", ")}.` : "";
  return `${input.prompt}\nPrint-ready t-shirt graphic with the words "${input.title}" set in bold legible typography, theme: ${input.theme}. Isolated artwork on a transparent background, no mockup, no shirt, no watermark.${colours}`;
}

/** OpenAI Images API through the official SDK (b64_json PNG with a transparent background). */
export class OpenAIImageProvider implements ImageProvider {
  readonly name = "openai" as const;
  async generate(input: GenerateImageInput): Promise<GeneratedImage> {
    const res = await openai().images.generate({
      model: env().OPENAI_IMAGE_MODEL,
      prompt: openaiPrompt(input),
      size: openaiSize(input.width, input.height),
      quality: QUALITY[input.quality],
      background: "transparent",
      output_format: "png",
      n: 1,
    });
    const b64 = res.data?.[0]?.b64_json;
    if (!b64) throw new AppError("UPSTREAM", "OpenAI returned no image data (b64_json missing)");
    const model = env().OPENAI_IMAGE_MODEL;
    return { png: Buffer.from(b64, "base64"), provider: "openai", palette: input.palette ?? [], usage: { provider: "openai", operation: "images", model, units: { image: 1 } } };
  }
}
