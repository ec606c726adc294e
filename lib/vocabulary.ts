// Words both sides of the wall use: the server, the workers and client components. Pure data, no
// imports from server/ (client components may import runtime values only from lib/).

/**
 * Fulfilment stages of a commission in order, with the words the shopper sees. The full-size print
 * files are made after "done" (the product page needs only the mockups), so they are not a stage.
 */
export const STAGES = [
  { key: "paid", label: "Payment received" },
  { key: "fetching_post", label: "Finding the post" },
  { key: "moderating", label: "Checking the content" },
  { key: "writing_idea", label: "Writing the idea" },
  { key: "generating_design", label: "Generating the design" },
  { key: "mockups", label: "Making mockups" },
  { key: "publishing", label: "Publishing the product" },
  { key: "done", label: "Done" },
] as const;

export type StageKey = (typeof STAGES)[number]["key"];

export const stageLabel = (key: string) => STAGES.find((s) => s.key === key)?.label ?? key.replaceAll("_", " ");

/** Print products, in the order a commission tier's product count takes them. */
export const PRODUCT_TYPES = ["tee", "poster", "mug", "sticker"] as const;
export type ProductType = (typeof PRODUCT_TYPES)[number];
export const isProductType = (t: string): t is ProductType => (PRODUCT_TYPES as readonly string[]).includes(t);

/** Art quality levels (a tier's imageQuality, a design's quality). */
export const QUALITY_LEVELS = ["standard", "high", "ultra"] as const;
export type QualityLevel = (typeof QUALITY_LEVELS)[number];
export const qualityOf = (q: string): QualityLevel => ((QUALITY_LEVELS as readonly string[]).includes(q) ? (q as QualityLevel) : "standard");
