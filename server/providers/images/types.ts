import type { ProviderUsage } from "../usage";

export type { QualityLevel as ImageQuality } from "../../../lib/vocabulary";
import type { QualityLevel as ImageQuality } from "../../../lib/vocabulary";
export type ImageProviderName = "local" | "openai" | "sdxl";

export type GenerateImageInput = {
  prompt: string;
  title: string;
  theme: string;
  /** hex colours to use; providers that cannot honour them still return the palette they used */
  palette?: string[];
  seed: number;
  width: number;
  height: number;
  quality: ImageQuality;
};

export type GeneratedImage = {
  /** PNG with an alpha channel (transparent background) */
  png: Buffer;
  provider: ImageProviderName;
  /** hex colours of the design, [primary, secondary, accent, ink, paper] for the local renderer */
  palette: string[];
  /** set when an external API made the image (its cost row is written by the caller) */
  usage?: ProviderUsage;
};

/** Raw RGBA pixels, not premultiplied. */
export type RawRgba = { data: Buffer; width: number; height: number };

export interface ImageProvider {
  readonly name: ImageProviderName;
  generate(input: GenerateImageInput): Promise<GeneratedImage>;
  /**
   * Vector renderers can draw the same art again at any size (crisper and faster than upscaling
   * the master for 5400×7200 prints). Raster providers leave this out and the master is resized.
   */
  renderAt?(input: GenerateImageInput, width: number, height: number): Promise<RawRgba>;
}
