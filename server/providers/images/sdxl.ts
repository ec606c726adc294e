import { env } from "../../env";
import { AppError } from "../../errors";
import type { GenerateImageInput, GeneratedImage, ImageProvider } from "./types";

const STEPS: Record<GenerateImageInput["quality"], number> = { standard: 25, high: 35, ultra: 50 };
export const SDXL_NEGATIVE = "photo, mockup, t-shirt, person, blurry, watermark, signature, jpeg artifacts, background scenery";
const TIMEOUT_MS = 180_000;

/** SDXL renders in multiples of 64 around one megapixel; keep the aspect. */
export function sdxlSize(width: number, height: number) {
  const scale = Math.sqrt((1024 * 1024) / (width * height));
  const snap = (n: number) => Math.max(512, Math.round((n * scale) / 64) * 64);
  return { width: snap(width), height: snap(height) };
}

type Txt2ImgResponse = { images?: string[]; error?: string; detail?: unknown };

/** An Automatic1111-compatible server (POST /sdapi/v1/txt2img → base64 PNGs). */
export class SdxlImageProvider implements ImageProvider {
  readonly name = "sdxl" as const;
  async generate(input: GenerateImageInput): Promise<GeneratedImage> {
    const base = env().SDXL_URL;
    if (!base) throw new AppError("PRECONDITION_FAILED", "SDXL_URL is not set: point it at an Automatic1111-compatible server");
    const size = sdxlSize(input.width, input.height);
    const body = {
      prompt: `${input.prompt}, bold typographic t-shirt design reading "${input.title}", ${input.theme}, vector style, flat colours, isolated on plain background`,
      negative_prompt: SDXL_NEGATIVE,
      width: size.width,
      height: size.height,
      steps: STEPS[input.quality],
      cfg_scale: 7,
      seed: input.seed,
      sampler_name: "DPM++ 2M Karras",
    };
    let res: Response;
    const started = performance.now();
    try {
      res = await fetch(`${base.replace(/\/$/, "")}/sdapi/v1/txt2img`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (e) {
      throw new AppError("UPSTREAM", `SDXL server at ${base} is unreachable: ${(e as Error).message}`);
    }
    if (!res.ok) throw new AppError("UPSTREAM", `SDXL server answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
    const json = (await res.json()) as Txt2ImgResponse;
    const b64 = json.images?.[0];
    if (!b64) throw new AppError("UPSTREAM", "SDXL server returned no images");
    const seconds = Math.max(0.001, (performance.now() - started) / 1000);
    return { png: Buffer.from(b64.replace(/^data:image\/\w+;base64,/, ""), "base64"), provider: "sdxl", palette: input.palette ?? [], usage: { provider: "sdxl", operation: "sdxl", model: "sdxl", units: { second: seconds } } };
  }
}
