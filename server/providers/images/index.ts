import { env } from "../../env";
import { LocalImageProvider } from "./local";
import { OpenAIImageProvider } from "./openai";
import { SdxlImageProvider } from "./sdxl";
import type { ImageProvider, ImageProviderName } from "./types";

export type { ImageProvider, ImageProviderName, GenerateImageInput, GeneratedImage, ImageQuality } from "./types";

export const IMAGE_PROVIDERS: ImageProviderName[] = ["local", "openai", "sdxl"];
export const isImageProvider = (n: string): n is ImageProviderName => (IMAGE_PROVIDERS as string[]).includes(n);

/** The image provider by name; env().providers.images when none is given. */
export function imageProvider(name: ImageProviderName = env().providers.images): ImageProvider {
  switch (name) {
    case "openai":
      return new OpenAIImageProvider();
    case "sdxl":
      return new SdxlImageProvider();
    default:
      return new LocalImageProvider();
  }
}
