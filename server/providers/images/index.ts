import { env } from "../../env";
import { selectProvider } from "../select";
import { LocalImageProvider } from "./local";
import { OpenAIImageProvider } from "./openai";
import { SdxlImageProvider } from "./sdxl";
import type { ImageProvider, ImageProviderName } from "./types";

export type { ImageProvider, ImageProviderName, GenerateImageInput, GeneratedImage, ImageQuality } from "./types";

export const IMAGE_PROVIDERS: ImageProviderName[] = ["local", "openai", "sdxl"];
export const isImageProvider = (n: string): n is ImageProviderName => (IMAGE_PROVIDERS as string[]).includes(n);

const providers = selectProvider(
  (e) => `${e.OPENAI_IMAGE_MODEL}|${e.SDXL_URL ?? ""}`,
  (): Record<ImageProviderName, ImageProvider> => ({ local: new LocalImageProvider(), openai: new OpenAIImageProvider(), sdxl: new SdxlImageProvider() }),
);

/** The image provider by name (a design re-renders with the one it started with); env's choice when none is given. */
export function imageProvider(name: ImageProviderName = env().providers.images): ImageProvider {
  return providers()[name] ?? providers().local;
}
