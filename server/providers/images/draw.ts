import type { SKRSContext2D } from "@napi-rs/canvas";

// Drawing primitives for the procedural renderer: motifs (stars, hearts, bolts, mountains, waves,
// suns, planets, diamonds), sunbursts, banners and typography (fit-to-width stacks, arched text).

export type Ctx = SKRSContext2D;
export type Motif = "star" | "heart" | "bolt" | "mountain" | "wave" | "sun" | "planet" | "diamond";

export const MOTIFS: Motif[] = ["star", "heart", "bolt", "mountain", "wave", "sun", "planet", "diamond"];

const MOTIF_WORDS: Array<[Motif, RegExp]> = [
  ["planet", /space|planet|star ?ship|nasa|rocket|astro|galax|moon|orbit|alien|sci-?fi/],
  ["mountain", /mountain|hike|hiking|camp|outdoor|trail|climb|ski|snow|nature|forest|adventure/],
  ["wave", /ocean|sea|surf|beach|wave|sail|fish|boat|swim|water|lake/],
  ["sun", /sun|summer|morning|coffee|sunrise|sunset|retro|vintage|70s|desert/],
  ["heart", /love|heart|cat|dog|pet|mom|dad|family|friend|wholesome|cute|kind/],
  ["bolt", /power|energy|electric|game|gaming|gamer|code|coding|program|tech|dev|hack|rock|metal|fast/],
  ["diamond", /money|rich|luxury|gem|crypto|stock|invest|gold|premium/],
  ["star", /win|champ|star|best|legend|hero|team|sport|football|soccer|basketball|award/],
];

/** A motif that fits the theme's words; a seeded pick when nothing matches. */
export function motifFor(text: string, pick: () => number): Motif {
  const t = text.toLowerCase();
  for (const [m, re] of MOTIF_WORDS) if (re.test(t)) return m;
  return MOTIFS[Math.floor(pick() * MOTIFS.length)];
}

export function starPath(ctx: Ctx, cx: number, cy: number, r: number, points = 5, inner = 0.45, rot = -Math.PI / 2) {
  ctx.beginPath();
  for (let i = 0; i < points * 2; i++) {
    const rad = i % 2 === 0 ? r : r * inner;
    const a = rot + (i * Math.PI) / points;
    const x = cx + Math.cos(a) * rad;
    const y = cy + Math.sin(a) * rad;
    if (i === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  }
  ctx.closePath();
}

function heartPath(ctx: Ctx, cx: number, cy: number, r: number) {
  ctx.beginPath();
  ctx.moveTo(cx, cy + r * 0.9);
  ctx.bezierCurveTo(cx - r * 1.3, cy + r * 0.1, cx - r * 0.9, cy - r * 1.0, cx, cy - r * 0.35);
  ctx.bezierCurveTo(cx + r * 0.9, cy - r * 1.0, cx + r * 1.3, cy + r * 0.1, cx, cy + r * 0.9);
  ctx.closePath();
}

function boltPath(ctx: Ctx, cx: number, cy: number, r: number) {
  const p: Array<[number, number]> = [[0.15, -1], [-0.55, 0.1], [-0.05, 0.1], [-0.2, 1], [0.55, -0.15], [0.05, -0.15], [0.3, -1]];
  ctx.beginPath();
  p.forEach(([x, y], i) => (i ? ctx.lineTo(cx + x * r, cy + y * r) : ctx.moveTo(cx + x * r, cy + y * r)));
  ctx.closePath();
}

function diamondPath(ctx: Ctx, cx: number, cy: number, r: number) {
  ctx.beginPath();
  ctx.moveTo(cx - r, cy - r * 0.35);
  ctx.lineTo(cx - r * 0.55, cy - r * 0.8);
  ctx.lineTo(cx + r * 0.55, cy - r * 0.8);
  ctx.lineTo(cx + r, cy - r * 0.35);
  ctx.lineTo(cx, cy + r);
  ctx.closePath();
}

function fillStroke(ctx: Ctx, fill: string, ink: string, line: number) {
  ctx.fillStyle = fill;
  ctx.fill();
  ctx.lineJoin = "round";
  ctx.lineWidth = line;
  ctx.strokeStyle = ink;
  ctx.stroke();
}

/** One motif centred at (cx, cy) with radius r, filled and outlined in ink. */
export function drawMotif(ctx: Ctx, motif: Motif, cx: number, cy: number, r: number, c: { fill: string; alt: string; ink: string }) {
  const line = Math.max(2, r * 0.09);
  ctx.save();
  switch (motif) {
    case "star":
      starPath(ctx, cx, cy, r);
      fillStroke(ctx, c.fill, c.ink, line);
      break;
    case "heart":
      heartPath(ctx, cx, cy, r);
      fillStroke(ctx, c.fill, c.ink, line);
      break;
    case "bolt":
      boltPath(ctx, cx, cy, r);
      fillStroke(ctx, c.fill, c.ink, line);
      break;
    case "diamond":
      diamondPath(ctx, cx, cy, r);
      fillStroke(ctx, c.fill, c.ink, line);
      ctx.beginPath();
      ctx.moveTo(cx - r, cy - r * 0.35);
      ctx.lineTo(cx + r, cy - r * 0.35);
      ctx.moveTo(cx - r * 0.3, cy - r * 0.35);
      ctx.lineTo(cx, cy + r);
      ctx.lineTo(cx + r * 0.3, cy - r * 0.35);
      ctx.lineWidth = line * 0.6;
      ctx.stroke();
      break;
    case "mountain": {
      ctx.beginPath();
      ctx.moveTo(cx - r, cy + r * 0.7);
      ctx.lineTo(cx - r * 0.25, cy - r * 0.75);
      ctx.lineTo(cx + r * 0.15, cy - r * 0.05);
      ctx.lineTo(cx + r * 0.45, cy - r * 0.45);
      ctx.lineTo(cx + r, cy + r * 0.7);
      ctx.closePath();
      fillStroke(ctx, c.fill, c.ink, line);
      ctx.beginPath(); // snow cap
      ctx.moveTo(cx - r * 0.25, cy - r * 0.75);
      ctx.lineTo(cx - r * 0.47, cy - r * 0.33);
      ctx.lineTo(cx - r * 0.3, cy - r * 0.4);
      ctx.lineTo(cx - r * 0.15, cy - r * 0.3);
      ctx.lineTo(cx - r * 0.03, cy - r * 0.4);
      ctx.closePath();
      fillStroke(ctx, c.alt, c.ink, line * 0.6);
      break;
    }
    case "wave": {
      ctx.beginPath();
      ctx.moveTo(cx - r, cy + r * 0.6);
      ctx.bezierCurveTo(cx - r * 0.9, cy - r * 0.6, cx + r * 0.2, cy - r * 1.0, cx + r * 0.7, cy - r * 0.35);
      ctx.bezierCurveTo(cx + r * 0.2, cy - r * 0.55, cx - r * 0.2, cy - r * 0.1, cx + r * 0.1, cy + r * 0.2);
      ctx.bezierCurveTo(cx + r * 0.4, cy + r * 0.45, cx + r * 0.8, cy + r * 0.3, cx + r, cy + r * 0.6);
      ctx.closePath();
      fillStroke(ctx, c.fill, c.ink, line);
      break;
    }
    case "sun": {
      for (let i = 0; i < 12; i++) {
        const a = (i * Math.PI) / 6;
        ctx.beginPath();
        ctx.moveTo(cx + Math.cos(a - 0.13) * r * 0.62, cy + Math.sin(a - 0.13) * r * 0.62);
        ctx.lineTo(cx + Math.cos(a) * r, cy + Math.sin(a) * r);
        ctx.lineTo(cx + Math.cos(a + 0.13) * r * 0.62, cy + Math.sin(a + 0.13) * r * 0.62);
        ctx.closePath();
        fillStroke(ctx, c.alt, c.ink, line * 0.6);
      }
      ctx.beginPath();
      ctx.arc(cx, cy, r * 0.55, 0, Math.PI * 2);
      fillStroke(ctx, c.fill, c.ink, line);
      break;
    }
    case "planet": {
      ctx.beginPath();
      ctx.arc(cx, cy, r * 0.6, 0, Math.PI * 2);
      fillStroke(ctx, c.fill, c.ink, line);
      ctx.beginPath();
      ctx.ellipse(cx, cy, r, r * 0.28, -0.35, 0.15 * Math.PI, 0.85 * Math.PI, true);
      ctx.lineWidth = line * 1.6;
      ctx.strokeStyle = c.ink;
      ctx.stroke();
      ctx.lineWidth = line * 0.8;
      ctx.strokeStyle = c.alt;
      ctx.stroke();
      break;
    }
  }
  ctx.restore();
}

/** Rays from (cx, cy) clipped to a circle, alternating colour and transparent. */
export function sunburst(ctx: Ctx, cx: number, cy: number, r: number, rays: number, color: string, rotate = 0) {
  ctx.save();
  ctx.beginPath();
  ctx.arc(cx, cy, r, 0, Math.PI * 2);
  ctx.clip();
  ctx.fillStyle = color;
  const step = (Math.PI * 2) / rays;
  for (let i = 0; i < rays; i += 2) {
    ctx.beginPath();
    ctx.moveTo(cx, cy);
    ctx.arc(cx, cy, r * 1.5, rotate + i * step, rotate + (i + 1) * step);
    ctx.closePath();
    ctx.fill();
  }
  ctx.restore();
}

/** A ribbon banner with folded tails; returns the inner text box. */
export function banner(ctx: Ctx, cx: number, cy: number, w: number, h: number, c: { fill: string; tail: string; ink: string }) {
  const line = Math.max(2, h * 0.07);
  const tail = h * 0.75;
  ctx.save();
  for (const side of [-1, 1]) {
    const x0 = cx + side * (w / 2 - tail * 0.3);
    const x1 = cx + side * (w / 2 + tail);
    ctx.beginPath();
    ctx.moveTo(x0, cy - h * 0.2);
    ctx.lineTo(x1, cy - h * 0.2);
    ctx.lineTo(x1 - side * tail * 0.45, cy + h * 0.35);
    ctx.lineTo(x1, cy + h * 0.85);
    ctx.lineTo(x0, cy + h * 0.85);
    ctx.closePath();
    fillStroke(ctx, c.tail, c.ink, line);
  }
  ctx.beginPath();
  ctx.rect(cx - w / 2, cy - h / 2, w, h);
  fillStroke(ctx, c.fill, c.ink, line);
  ctx.restore();
  return { x: cx - w / 2 + h * 0.3, y: cy - h / 2, w: w - h * 0.6, h };
}

export const fontFor = (px: number, family = "DejaVu Sans", weight = "bold") => `${weight} ${Math.max(1, Math.round(px))}px "${family}"`;

/** Split words into n lines of balanced length. */
export function splitLines(words: string[], n: number): string[] {
  if (n <= 1 || words.length <= 1) return [words.join(" ")];
  const total = words.join(" ").length;
  const target = total / n;
  const lines: string[] = [];
  let cur: string[] = [];
  for (const w of words) {
    const next = [...cur, w].join(" ");
    const remainingLines = n - lines.length - 1;
    if (cur.length && next.length > target * 1.15 && remainingLines > 0) {
      lines.push(cur.join(" "));
      cur = [w];
    } else cur.push(w);
  }
  if (cur.length) lines.push(cur.join(" "));
  return lines;
}

export type StackLine = { text: string; size: number };

/**
 * Stacked typography: the title split into 1-4 lines, each line scaled to fill the width
 * (capped so short words do not tower), the whole stack fitted into the box.
 */
export function fitStack(ctx: Ctx, text: string, maxW: number, maxH: number, family = "DejaVu Sans"): { lines: StackLine[]; height: number } {
  const words = text.toUpperCase().split(/\s+/).filter(Boolean);
  const maxLines = Math.min(4, Math.max(1, words.length));
  let best: { lines: StackLine[]; height: number; score: number } | undefined;
  for (let n = 1; n <= maxLines; n++) {
    const texts = splitLines(words, n);
    ctx.font = fontFor(100, family);
    const widths = texts.map((t) => ctx.measureText(t).width || 1);
    const base = Math.min(...texts.map((_, i) => (maxW / widths[i]) * 100));
    let lines = texts.map((t, i) => ({ text: t, size: Math.min((maxW / widths[i]) * 100, base * 1.6) }));
    const lead = 1.08;
    let height = lines.reduce((s, l) => s + l.size * lead, 0);
    if (height > maxH) {
      const k = maxH / height;
      lines = lines.map((l) => ({ ...l, size: l.size * k }));
      height = maxH;
    }
    const minSize = Math.min(...lines.map((l) => l.size));
    const score = minSize * (n === 1 && words.length > 3 ? 0.8 : 1);
    if (!best || score > best.score) best = { lines, height, score };
  }
  return { lines: best!.lines, height: best!.height };
}

/** Draw a stack centred on cx from top y: ink outline, offset shadow, then fill. */
export function drawStack(ctx: Ctx, stack: { lines: StackLine[] }, cx: number, top: number, c: { fill: string[]; ink: string; shadow: string }, family = "DejaVu Sans") {
  let y = top;
  ctx.save();
  ctx.textAlign = "center";
  ctx.textBaseline = "alphabetic";
  ctx.lineJoin = "round";
  stack.lines.forEach((l, i) => {
    const base = y + l.size * 0.92;
    ctx.font = fontFor(l.size, family);
    const off = l.size * 0.06;
    ctx.lineWidth = l.size * 0.16;
    ctx.strokeStyle = c.ink;
    ctx.strokeText(l.text, cx + off, base + off);
    ctx.fillStyle = c.shadow;
    ctx.fillText(l.text, cx + off, base + off);
    ctx.strokeText(l.text, cx, base);
    ctx.fillStyle = c.fill[i % c.fill.length];
    ctx.fillText(l.text, cx, base);
    y += l.size * 1.08;
  });
  ctx.restore();
}

/** Text set along a circle: above the centre reads left→right over the top, below along the bottom. */
export function arcText(ctx: Ctx, text: string, cx: number, cy: number, radius: number, size: number, c: { fill: string; ink?: string }, position: "top" | "bottom") {
  ctx.save();
  ctx.font = fontFor(size);
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  const spacing = size * 0.08;
  const chars = [...text];
  const widths = chars.map((ch) => ctx.measureText(ch).width + spacing);
  const total = widths.reduce((a, b) => a + b, 0);
  const sweep = total / radius;
  let a = position === "top" ? -Math.PI / 2 - sweep / 2 : Math.PI / 2 + sweep / 2;
  for (let i = 0; i < chars.length; i++) {
    const step = widths[i] / radius;
    const mid = position === "top" ? a + step / 2 : a - step / 2;
    ctx.save();
    ctx.translate(cx + Math.cos(mid) * radius, cy + Math.sin(mid) * radius);
    ctx.rotate(position === "top" ? mid + Math.PI / 2 : mid - Math.PI / 2);
    if (c.ink) {
      ctx.lineWidth = size * 0.14;
      ctx.strokeStyle = c.ink;
      ctx.lineJoin = "round";
      ctx.strokeText(chars[i], 0, 0);
    }
    ctx.fillStyle = c.fill;
    ctx.fillText(chars[i], 0, 0);
    ctx.restore();
    a = position === "top" ? a + step : a - step;
  }
  ctx.restore();
}

/** Shrink arc text size until it spans at most maxSweep radians. */
export function arcSize(ctx: Ctx, text: string, radius: number, size: number, maxSweep: number) {
  ctx.font = fontFor(100);
  const w = ctx.measureText(text).width * 1.08 + text.length * 8;
  return Math.min(size, (maxSweep * radius * 100) / Math.max(1, w));
}
