import { db } from "../../db";
import { WEIGHT_DEFS, WEIGHT_KEYS } from "./weights";

/** Creates any missing weight rows with their defaults; never overwrites an edited value. */
export async function seedScoringWeights(): Promise<void> {
  await db.scoringWeight.createMany({
    data: WEIGHT_KEYS.map((key) => ({ key, value: WEIGHT_DEFS[key].value, description: WEIGHT_DEFS[key].description })),
    skipDuplicates: true,
  });
}
