import { z } from "zod";
import { WEIGHT_DEFS, WEIGHT_KEYS, type WeightKey } from "../../../services/scoring/weights";

/** A weight key and a value inside that key's limits (factors 0..10, halfLifeHours 1..168, minTotal 0..1). */
export const ZSetWeight = z
  .object({ key: z.enum(WEIGHT_KEYS as [WeightKey, ...WeightKey[]]), value: z.number({ error: "Enter a number" }).finite() })
  .superRefine((v, ctx) => {
    const def = WEIGHT_DEFS[v.key];
    if (v.value < def.min || v.value > def.max) ctx.addIssue({ code: "custom", path: ["value"], message: `${v.key} must be between ${def.min} and ${def.max}` });
  });
