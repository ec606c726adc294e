// Fulfilment stages in order, with the words the shopper sees. Pure data: safe for client components.
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

/** Product types in the order a tier's product count takes them. */
export const PRODUCT_ORDER = ["tee", "poster", "mug", "sticker"] as const;
