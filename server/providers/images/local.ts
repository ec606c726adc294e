import { createCanvas } from "@napi-rs/canvas";
import sharp from "sharp";
import { arcSize, arcText, banner, drawMotif, drawStack, fitStack, motifFor, starPath, sunburst, type Ctx, type Motif } from "./draw";
import { paletteFrom, paletteHex, rng, type Palette } from "./palette";
import type { GenerateImageInput, GeneratedImage, ImageProvider, RawRgba } from "./types";

// The offline image provider: a procedural print renderer. It sets the idea's title in bold
// stacked typography with motifs from the theme (badge, sunburst poster or retro sunset layouts),
// on a transparent background, deterministic for a given seed, theme and title.

type Layout = (ctx: Ctx, s: number, d: LayoutData) => void;
type LayoutData = { title: string; theme: string; tagline: string; p: Palette; motif: Motif; rand: () => number };

const wordsOf = (t: string) => t.replace(/[^\p{L}\p{N}' &!?-]+/gu, " ").replace(/\s+/g, " ").trim();

function scatterStars(ctx: Ctx, s: number, d: LayoutData, n: number, ring: number) {
  for (let i = 0; i < n; i++) {
    const a = d.rand() * Math.PI * 2;
    const r = ring * (0.9 + d.rand() * 0.12);
    const size = s * (0.012 + d.rand() * 0.014);
    starPath(ctx, s / 2 + Math.cos(a) * r, s / 2 + Math.sin(a) * r, size, 4, 0.35, 0);
    ctx.fillStyle = i % 2 ? d.p.accent : d.p.paper;
    ctx.fill();
  }
}

/** Round badge: ink ring with arched theme text, primary disc with sunburst, title across a banner. */
const badge: Layout = (ctx, s, d) => {
  const c = s / 2;
  const R = s * 0.46;
  ctx.beginPath();
  ctx.arc(c, c, R, 0, Math.PI * 2);
  ctx.fillStyle = d.p.ink;
  ctx.fill();
  ctx.beginPath();
  ctx.arc(c, c, R * 0.97, 0, Math.PI * 2);
  ctx.lineWidth = s * 0.006;
  ctx.strokeStyle = d.p.accent;
  ctx.stroke();
  const inner = R * 0.74;
  ctx.beginPath();
  ctx.arc(c, c, inner, 0, Math.PI * 2);
  ctx.fillStyle = d.p.primary;
  ctx.fill();
  sunburst(ctx, c, c, inner, 28, d.p.secondary, d.rand());
  ctx.beginPath();
  ctx.arc(c, c, inner, 0, Math.PI * 2);
  ctx.lineWidth = s * 0.012;
  ctx.strokeStyle = d.p.paper;
  ctx.stroke();
  const arcR = (R + inner) / 2;
  const band = R - inner;
  arcText(ctx, d.theme.toUpperCase(), c, c, arcR, arcSize(ctx, d.theme.toUpperCase(), arcR, band * 0.55, Math.PI * 0.8), { fill: d.p.paper }, "top");
  arcText(ctx, d.tagline.toUpperCase(), c, c, arcR, arcSize(ctx, d.tagline.toUpperCase(), arcR, band * 0.42, Math.PI * 0.6), { fill: d.p.accent }, "bottom");
  for (const side of [-1, 1]) {
    starPath(ctx, c + side * arcR, c, band * 0.28);
    ctx.fillStyle = d.p.accent;
    ctx.fill();
  }
  drawMotif(ctx, d.motif, c, c - inner * 0.55, inner * 0.26, { fill: d.p.accent, alt: d.p.paper, ink: d.p.ink });
  const bw = s * 0.7;
  const bh = s * 0.22;
  const box = banner(ctx, c, c + inner * 0.12, bw, bh, { fill: d.p.paper, tail: d.p.secondary, ink: d.p.ink });
  const stack = fitStack(ctx, d.title, box.w * 0.96, box.h * 0.86);
  drawStack(ctx, stack, c, box.y + (box.h - stack.height) / 2, { fill: [d.p.primary], ink: d.p.ink, shadow: d.p.ink });
};

/** Poster stack: a sunburst disc behind a big motif and a tall stack of the title words. */
const burst: Layout = (ctx, s, d) => {
  const c = s / 2;
  const R = s * 0.45;
  ctx.beginPath();
  ctx.arc(c, c, R, 0, Math.PI * 2);
  ctx.fillStyle = d.p.secondary;
  ctx.fill();
  sunburst(ctx, c, c, R, 36, d.p.primary, d.rand());
  ctx.beginPath();
  ctx.arc(c, c, R, 0, Math.PI * 2);
  ctx.lineWidth = s * 0.014;
  ctx.strokeStyle = d.p.ink;
  ctx.stroke();
  scatterStars(ctx, s, d, 10, R * 1.02);
  drawMotif(ctx, d.motif, c, s * 0.22, s * 0.11, { fill: d.p.accent, alt: d.p.paper, ink: d.p.ink });
  const stack = fitStack(ctx, d.title, s * 0.84, s * 0.5);
  const top = s * 0.35 + (s * 0.5 - stack.height) / 2;
  drawStack(ctx, stack, c, top, { fill: [d.p.paper, d.p.accent], ink: d.p.ink, shadow: d.p.ink });
  ctx.save();
  ctx.fillStyle = d.p.ink;
  const plateW = s * 0.5;
  const plateH = s * 0.06;
  ctx.beginPath();
  ctx.roundRect(c - plateW / 2, s * 0.86, plateW, plateH, plateH / 2);
  ctx.fill();
  ctx.font = `bold ${Math.round(plateH * 0.5)}px "DejaVu Sans"`;
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  ctx.fillStyle = d.p.paper;
  const tag = d.tagline.toUpperCase();
  const w = ctx.measureText(tag).width;
  if (w > plateW * 0.9) ctx.font = `bold ${Math.round(plateH * 0.5 * ((plateW * 0.9) / w))}px "DejaVu Sans"`;
  ctx.fillText(tag, c, s * 0.86 + plateH / 2);
  ctx.restore();
};

/** Retro sunset: striped half sun over waves, the theme arched above, the title stacked below. */
const sunset: Layout = (ctx, s, d) => {
  const c = s / 2;
  const R = s * 0.3;
  const horizon = s * 0.5;
  ctx.save();
  ctx.beginPath();
  ctx.arc(c, horizon, R, Math.PI, 0);
  ctx.closePath();
  ctx.clip();
  const stripes = [d.p.accent, d.p.secondary, d.p.primary];
  const band = R / 7;
  for (let i = 0; i < 7; i++) {
    ctx.fillStyle = stripes[Math.min(2, Math.floor(i / 2.4))];
    const y = horizon - R + i * band;
    const gap = i > 2 ? band * (0.12 + (i - 3) * 0.07) : 0;
    ctx.fillRect(c - R, y, R * 2, band - gap);
  }
  ctx.restore();
  ctx.beginPath();
  ctx.arc(c, horizon, R, Math.PI, 0);
  ctx.closePath();
  ctx.lineWidth = s * 0.012;
  ctx.strokeStyle = d.p.ink;
  ctx.stroke();
  drawMotif(ctx, d.motif, c, horizon - R * 0.45, R * 0.28, { fill: d.p.paper, alt: d.p.accent, ink: d.p.ink });
  const theme = d.theme.toUpperCase();
  arcText(ctx, theme, c, horizon, R * 1.22, arcSize(ctx, theme, R * 1.22, s * 0.07, Math.PI * 0.85), { fill: d.p.paper, ink: d.p.ink }, "top");
  const stack = fitStack(ctx, d.title, s * 0.88, s * 0.34);
  drawStack(ctx, stack, c, horizon + s * 0.03, { fill: [d.p.accent, d.p.paper], ink: d.p.ink, shadow: d.p.secondary });
  const y = horizon + s * 0.03 + stack.height + s * 0.03;
  if (y < s * 0.93) {
    ctx.save();
    ctx.font = `bold ${Math.round(s * 0.035)}px "DejaVu Sans"`;
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.lineWidth = s * 0.008;
    ctx.strokeStyle = d.p.ink;
    ctx.lineJoin = "round";
    const tag = `— ${d.tagline.toUpperCase()} —`;
    ctx.strokeText(tag, c, y, s * 0.8);
    ctx.fillStyle = d.p.paper;
    ctx.fillText(tag, c, y, s * 0.8);
    ctx.restore();
  }
};

const LAYOUTS = { badge, burst, sunset } as const;
export type LayoutName = keyof typeof LAYOUTS;

export function layoutFor(seed: number): LayoutName {
  const names = Object.keys(LAYOUTS) as LayoutName[];
  return names[seed % names.length];
}

/** Renders the design into raw RGBA (not premultiplied) plus the palette used. */
export function renderDesign(input: Pick<GenerateImageInput, "title" | "theme" | "palette" | "seed" | "prompt">, size: number) {
  const p = paletteFrom(input.theme, input.palette);
  const rand = rng(input.seed);
  const title = wordsOf(input.title) || "Merchloop";
  const theme = wordsOf(input.theme) || title;
  const data: LayoutData = {
    title,
    theme: theme.length > 28 ? theme.slice(0, 28).replace(/\s\S*$/, "") : theme,
    tagline: `${theme.split(" ")[0]} club · est. ${2000 + (input.seed % 27)}`,
    p,
    motif: motifFor(`${input.theme} ${input.title} ${input.prompt}`, rand),
    rand,
  };
  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext("2d");
  LAYOUTS[layoutFor(input.seed)](ctx, size, data);
  const img = ctx.getImageData(0, 0, size, size);
  // The pixels are copied out; shrink the canvas now so its surface (82 MB at poster size) is freed
  // here rather than whenever the garbage collector gets to it: several of them alive at once set the
  // worker's peak memory.
  canvas.width = 1;
  canvas.height = 1;
  return { rgba: Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), width: size, height: size, palette: paletteHex(p) };
}

/** Master size per quality: larger masters keep more detail on the biggest print (poster). */
export const MASTER_SIZE = { standard: 2400, high: 3000, ultra: 3600 } as const;

export class LocalImageProvider implements ImageProvider {
  readonly name = "local" as const;
  async generate(input: GenerateImageInput): Promise<GeneratedImage> {
    const size = Math.min(input.width, input.height);
    const out = renderDesign(input, size);
    // The settings design files use (measured in bench/png-encode.ts): level 4, no row filters.
    const png = await sharp(out.rgba, { raw: { width: out.width, height: out.height, channels: 4 } })
      .png({ compressionLevel: 4, adaptiveFiltering: false })
      .toBuffer();
    return { png, provider: "local", palette: out.palette };
  }

  /** The same design drawn again at print size (the art is square: the shorter side wins). */
  async renderAt(input: GenerateImageInput, width: number, height: number): Promise<RawRgba> {
    const out = renderDesign(input, Math.min(width, height));
    return { data: out.rgba, width: out.width, height: out.height };
  }
}
