import { seededRandom } from "../../../lib/random";
// Colour palettes for print designs: derived from a hash of the theme so the same theme always gets
// the same colours, built on an HSL harmony (complementary, triadic or split-complementary), with
// lightness nudged until every colour reads against the dark ink outline.

export type Harmony = "complementary" | "triadic" | "split";

export type Palette = {
  primary: string;
  secondary: string;
  accent: string;
  /** dark outline/text colour */
  ink: string;
  /** light highlight/text colour */
  paper: string;
  harmony: Harmony;
};

/** Stored order of Design.palette: [primary, secondary, accent, ink, paper]. */
export const paletteHex = (p: Palette) => [p.primary, p.secondary, p.accent, p.ink, p.paper];

export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Small deterministic PRNG for layouts that must repeat per seed. */
export const rng = seededRandom;

export function hslToHex(h: number, s: number, l: number): string {
  const hue = ((h % 360) + 360) % 360;
  const sat = Math.max(0, Math.min(100, s)) / 100;
  const lig = Math.max(0, Math.min(100, l)) / 100;
  const k = (n: number) => (n + hue / 30) % 12;
  const a = sat * Math.min(lig, 1 - lig);
  const f = (n: number) => lig - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return `#${[f(0), f(8), f(4)].map((x) => Math.round(x * 255).toString(16).padStart(2, "0")).join("")}`;
}

export function hexToRgb(hex: string): [number, number, number] {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`not a hex colour: ${hex}`);
  const n = parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** WCAG relative luminance. */
export function luminance(hex: string): number {
  const [r, g, b] = hexToRgb(hex).map((c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio, 1..21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Raise lightness until the colour reaches `min` contrast against a dark ink. */
function liftAgainst(h: number, s: number, l: number, ink: string, min: number): string {
  let light = l;
  let hex = hslToHex(h, s, light);
  while (contrast(hex, ink) < min && light < 92) {
    light += 2;
    hex = hslToHex(h, s, light);
  }
  return hex;
}

const HARMONIES: Harmony[] = ["complementary", "triadic", "split"];

export function paletteFromTheme(theme: string): Palette {
  const h = fnv1a(theme.trim().toLowerCase());
  const hue = h % 360;
  const harmony = HARMONIES[(h >>> 9) % HARMONIES.length];
  const [secondOffset, accentOffset] = harmony === "complementary" ? [180, 30] : harmony === "triadic" ? [120, 240] : [150, 210];
  const sat = 56 + ((h >>> 12) % 20); // 56..75: bold but printable, not neon
  const ink = hslToHex(hue, 38, 11);
  const paper = hslToHex(hue + 20, 45, 96);
  return {
    primary: liftAgainst(hue, sat, 48, ink, 3.5),
    secondary: liftAgainst(hue + secondOffset, sat - 10, 58, ink, 3.5),
    // accents lean warm and bright: highlights, stars, banners
    accent: liftAgainst(hue + accentOffset, 80, 62, ink, 6),
    ink,
    paper,
    harmony,
  };
}

/** A palette from stored hex strings (Design.palette) or the theme when none/invalid. */
export function paletteFrom(theme: string, hex?: string[]): Palette {
  if (hex && hex.length >= 5 && hex.every((c) => /^#[0-9a-f]{6}$/i.test(c))) {
    const [primary, secondary, accent, ink, paper] = hex;
    return { primary, secondary, accent, ink, paper, harmony: paletteFromTheme(theme).harmony };
  }
  return paletteFromTheme(theme);
}
