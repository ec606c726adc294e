// Draws the mockup templates in public/templates/ (run once: `npx tsx scripts/make-templates.ts`;
// the PNGs are committed). Placement rectangles live in server/services/design/templates.ts.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { createCanvas, type Canvas, type SKRSContext2D } from "@napi-rs/canvas";
import sharp from "sharp";
import { MOCKUP_TEMPLATES, TEMPLATE_SIZE } from "../server/services/design/templates";

const S = TEMPLATE_SIZE;
const out = join(process.cwd(), "public/templates");
type Ctx = SKRSContext2D;

function backdrop(ctx: Ctx, top: string, bottom: string) {
  const g = ctx.createLinearGradient(0, 0, 0, S);
  g.addColorStop(0, top);
  g.addColorStop(1, bottom);
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, S, S);
}

function softShadow(ctx: Ctx, draw: () => void, blur: number, dy: number) {
  ctx.save();
  ctx.shadowColor = "rgba(0,0,0,0.28)";
  ctx.shadowBlur = blur;
  ctx.shadowOffsetY = dy;
  draw();
  ctx.restore();
}

function teePath(ctx: Ctx) {
  ctx.beginPath();
  ctx.moveTo(505, 150);
  ctx.bezierCurveTo(540, 205, 660, 205, 695, 150);
  ctx.lineTo(850, 200);
  ctx.lineTo(1050, 360);
  ctx.lineTo(960, 485);
  ctx.lineTo(860, 420);
  ctx.lineTo(870, 1070);
  ctx.quadraticCurveTo(600, 1090, 330, 1070);
  ctx.lineTo(340, 420);
  ctx.lineTo(240, 485);
  ctx.lineTo(150, 360);
  ctx.lineTo(350, 200);
  ctx.closePath();
}

function tee() {
  const c = createCanvas(S, S);
  const ctx = c.getContext("2d");
  backdrop(ctx, "#d9e2dc", "#c3cfc7");
  softShadow(ctx, () => {
    teePath(ctx);
    ctx.fillStyle = "#f6f4ef";
    ctx.fill();
  }, 40, 14);
  ctx.strokeStyle = "rgba(0,0,0,0.12)";
  ctx.lineWidth = 3;
  teePath(ctx);
  ctx.stroke();
  ctx.beginPath(); // collar rib
  ctx.moveTo(505, 150);
  ctx.bezierCurveTo(540, 225, 660, 225, 695, 150);
  ctx.lineWidth = 14;
  ctx.strokeStyle = "#e7e4dc";
  ctx.stroke();
  for (const x of [340, 860]) {
    ctx.beginPath(); // sleeve seams
    ctx.moveTo(x, 420);
    ctx.lineTo(x === 340 ? 355 : 845, 215);
    ctx.lineWidth = 2;
    ctx.strokeStyle = "rgba(0,0,0,0.10)";
    ctx.stroke();
  }
  return c;
}

function teeShade() {
  const c = createCanvas(S, S);
  const ctx = c.getContext("2d");
  teePath(ctx);
  ctx.clip();
  for (const [x, w, a] of [[470, 90, 0.07], [700, 120, 0.06], [560, 60, 0.04]] as const) {
    const g = ctx.createLinearGradient(x - w, 0, x + w, 0);
    g.addColorStop(0, "rgba(0,0,0,0)");
    g.addColorStop(0.5, `rgba(0,0,0,${a})`);
    g.addColorStop(1, "rgba(0,0,0,0)");
    ctx.fillStyle = g;
    ctx.fillRect(x - w, 200, w * 2, 900);
  }
  return c;
}

function poster() {
  const c = createCanvas(S, S);
  const ctx = c.getContext("2d");
  backdrop(ctx, "#ece6dc", "#ddd5c8");
  ctx.fillStyle = "#b9a58a"; // floor
  ctx.fillRect(0, 1010, S, 190);
  ctx.fillStyle = "#f3efe8"; // skirting board
  ctx.fillRect(0, 990, S, 24);
  const r = MOCKUP_TEMPLATES.poster.rect;
  const mat = 56;
  const frame = 26;
  softShadow(ctx, () => {
    ctx.fillStyle = "#1d1d1f";
    ctx.fillRect(r.x - mat - frame, r.y - mat - frame, r.w + 2 * (mat + frame), r.h + 2 * (mat + frame));
  }, 36, 18);
  ctx.fillStyle = "#fbfaf7";
  ctx.fillRect(r.x - mat, r.y - mat, r.w + 2 * mat, r.h + 2 * mat);
  ctx.strokeStyle = "rgba(0,0,0,0.15)";
  ctx.lineWidth = 2;
  ctx.strokeRect(r.x - 1, r.y - 1, r.w + 2, r.h + 2);
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(r.x, r.y, r.w, r.h);
  return c;
}

function mugBody(ctx: Ctx) {
  ctx.beginPath();
  ctx.moveTo(260, 380);
  ctx.lineTo(790, 380);
  ctx.lineTo(790, 830);
  ctx.quadraticCurveTo(790, 880, 740, 880);
  ctx.lineTo(310, 880);
  ctx.quadraticCurveTo(260, 880, 260, 830);
  ctx.closePath();
}

function mug() {
  const c = createCanvas(S, S);
  const ctx = c.getContext("2d");
  backdrop(ctx, "#e3e9ee", "#cbd4db");
  ctx.fillStyle = "#b7c2cb"; // table
  ctx.fillRect(0, 860, S, 340);
  softShadow(ctx, () => {
    ctx.beginPath(); // handle
    ctx.ellipse(810, 620, 140, 165, 0, 0, Math.PI * 2);
    ctx.lineWidth = 52;
    ctx.strokeStyle = "#f7f7f5";
    ctx.stroke();
    mugBody(ctx);
    ctx.fillStyle = "#fbfbf9";
    ctx.fill();
  }, 30, 16);
  ctx.beginPath(); // rim
  ctx.ellipse(525, 380, 265, 34, 0, 0, Math.PI * 2);
  ctx.fillStyle = "#f1f1ee";
  ctx.fill();
  ctx.beginPath();
  ctx.ellipse(525, 382, 240, 26, 0, 0, Math.PI * 2);
  ctx.fillStyle = "#5b3b2a"; // coffee
  ctx.fill();
  return c;
}

function mugShade() {
  const c = createCanvas(S, S);
  const ctx = c.getContext("2d");
  mugBody(ctx);
  ctx.clip();
  const g = ctx.createLinearGradient(260, 0, 790, 0);
  g.addColorStop(0, "rgba(0,0,0,0.22)");
  g.addColorStop(0.18, "rgba(0,0,0,0.0)");
  g.addColorStop(0.3, "rgba(255,255,255,0.22)");
  g.addColorStop(0.38, "rgba(255,255,255,0.0)");
  g.addColorStop(0.8, "rgba(0,0,0,0.0)");
  g.addColorStop(1, "rgba(0,0,0,0.26)");
  ctx.fillStyle = g;
  ctx.fillRect(260, 380, 530, 500);
  return c;
}

function stickerSurface() {
  const c = createCanvas(S, S);
  const ctx = c.getContext("2d");
  backdrop(ctx, "#3c4654", "#2c3440");
  softShadow(ctx, () => {
    ctx.beginPath(); // laptop lid corner
    ctx.roundRect(120, 120, 960, 960, 40);
    ctx.fillStyle = "#aeb6c0";
    ctx.fill();
  }, 50, 20);
  const g = ctx.createLinearGradient(120, 120, 1080, 1080);
  g.addColorStop(0, "rgba(255,255,255,0.25)");
  g.addColorStop(1, "rgba(0,0,0,0.12)");
  ctx.fillStyle = g;
  ctx.beginPath();
  ctx.roundRect(120, 120, 960, 960, 40);
  ctx.fill();
  return c;
}

async function save(name: string, canvas: Canvas, alpha = false) {
  const img = canvas.getContext("2d").getImageData(0, 0, S, S);
  const buf = sharp(Buffer.from(img.data.buffer), { raw: { width: S, height: S, channels: 4 } });
  await (alpha ? buf : buf.removeAlpha()).png({ compressionLevel: 9, palette: !alpha, quality: 90 }).toFile(join(out, name));
  console.log(`wrote public/templates/${name}`);
}

async function main() {
  mkdirSync(out, { recursive: true });
  await save("tee.png", tee());
  await save("tee-shade.png", teeShade(), true);
  await save("poster.png", poster());
  await save("mug.png", mug());
  await save("mug-shade.png", mugShade(), true);
  await save("sticker.png", stickerSurface());
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
