import type { ProductType } from "./products";

// Mockup templates shipped in public/templates/ (drawn by scripts/make-templates.ts) and the
// rectangle, in template pixels, where each product's print area sits.

export type Rect = { x: number; y: number; w: number; h: number };

export type MockupTemplate = {
  type: ProductType;
  /** base image under the art */
  file: string;
  /** optional shading drawn over the art (fabric folds, mug curvature) */
  overlay?: string;
  width: number;
  height: number;
  rect: Rect;
};

export const TEMPLATE_SIZE = 1200;

export const MOCKUP_TEMPLATES: Record<ProductType, MockupTemplate> = {
  tee: { type: "tee", file: "tee.png", overlay: "tee-shade.png", width: 1200, height: 1200, rect: { x: 405, y: 330, w: 390, h: 468 } },
  poster: { type: "poster", file: "poster.png", width: 1200, height: 1200, rect: { x: 411, y: 232, w: 378, h: 504 } },
  mug: { type: "mug", file: "mug.png", overlay: "mug-shade.png", width: 1200, height: 1200, rect: { x: 290, y: 420, w: 470, h: 380 } },
  sticker: { type: "sticker", file: "sticker.png", width: 1200, height: 1200, rect: { x: 300, y: 300, w: 600, h: 600 } },
};
