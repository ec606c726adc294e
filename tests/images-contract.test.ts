import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "../server/env";
import { resetOpenAI } from "../server/providers/openai/client";
import { imageProvider } from "../server/providers/images";

// The live image adapters on the wire: a local server speaking OpenAI's Images API and the
// Automatic1111 txt2img API; the official SDK / fetch are pointed at it.

type Seen = { method?: string; url?: string; auth?: string; body: Record<string, unknown> };
const seen: Seen[] = [];
let server: Server;
let base = "";
let png: Buffer;

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let s = "";
    req.on("data", (c) => (s += c));
    req.on("end", () => resolve(s));
  });

beforeAll(async () => {
  png = await sharp({ create: { width: 64, height: 48, channels: 4, background: { r: 200, g: 30, b: 90, alpha: 0.5 } } }).png().toBuffer();
  server = createServer(async (req, res) => {
    const body = JSON.parse((await readBody(req)) || "{}");
    seen.push({ method: req.method, url: req.url, auth: req.headers.authorization, body });
    res.setHeader("content-type", "application/json");
    if (req.method === "POST" && req.url === "/v1/images/generations") {
      res.end(JSON.stringify({ created: 1763780000, data: [{ b64_json: png.toString("base64") }] }));
    } else if (req.method === "POST" && req.url === "/sdapi/v1/txt2img") {
      res.end(JSON.stringify({ images: [png.toString("base64")], parameters: body, info: "{}" }));
    } else {
      res.statusCode = 404;
      res.end(JSON.stringify({ error: { message: `no route ${req.url}` } }));
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  Object.assign(process.env, {
    DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://unused/unused",
    REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
    OPENAI_API_KEY: "test",
    OPENAI_BASE_URL: `${base}/v1`,
    OPENAI_IMAGE_MODEL: "gpt-image-1",
    SDXL_URL: base,
  });
  resetEnvCache();
  resetOpenAI();
});

afterAll(async () => {
  for (const k of ["OPENAI_API_KEY", "OPENAI_BASE_URL", "SDXL_URL"]) delete process.env[k];
  resetEnvCache();
  resetOpenAI();
  await new Promise((r) => server.close(r));
});

const input = { prompt: "A cat astronaut", title: "Purrs In Space", theme: "space cats", palette: ["#112233", "#445566", "#778899", "#000000", "#ffffff"], seed: 42, width: 1024, height: 1536, quality: "high" as const };

describe("image providers on the wire", () => {
  it("openai: POST /v1/images/generations with model, size, quality, transparent background; decodes b64_json", async () => {
    seen.length = 0;
    const out = await imageProvider("openai").generate(input);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: "POST", url: "/v1/images/generations", auth: "Bearer test" });
    expect(seen[0].body).toMatchObject({ model: "gpt-image-1", size: "1024x1536", quality: "high", background: "transparent", n: 1 });
    expect(String(seen[0].body.prompt)).toContain("A cat astronaut");
    expect(String(seen[0].body.prompt)).toContain("Purrs In Space");
    expect(out.provider).toBe("openai");
    expect(out.png.equals(png)).toBe(true);
    const meta = await sharp(out.png).metadata();
    expect([meta.width, meta.height, meta.hasAlpha]).toEqual([64, 48, true]);
  });

  it("sdxl: POST /sdapi/v1/txt2img with prompt, negative prompt, size, steps, cfg, seed, sampler; decodes images[0]", async () => {
    seen.length = 0;
    const out = await imageProvider("sdxl").generate(input);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: "POST", url: "/sdapi/v1/txt2img" });
    const b = seen[0].body;
    expect(b).toMatchObject({ width: 832, height: 1280, steps: 35, cfg_scale: 7, seed: 42, sampler_name: "DPM++ 2M Karras" });
    expect(String(b.prompt)).toContain("Purrs In Space");
    expect(typeof b.negative_prompt).toBe("string");
    expect(out.provider).toBe("sdxl");
    expect(out.png.equals(png)).toBe(true);
  });

  it("sdxl: an error answer becomes a clear UPSTREAM error", async () => {
    process.env.SDXL_URL = `${base}/broken`;
    resetEnvCache();
    try {
      await expect(imageProvider("sdxl").generate(input)).rejects.toThrow(/SDXL server answered 404/);
    } finally {
      process.env.SDXL_URL = base;
      resetEnvCache();
    }
  });
});
