import { db } from "../../db";

const GOALS = [
  { subreddit: "aww", title: "Shelter supplies for r/aww's favourite rescues", targetCents: 50_000 },
  { subreddit: "science", title: "Lab kits for r/science outreach", targetCents: 100_000 },
  { subreddit: "gardening", title: "Seeds for r/gardening's community plots", targetCents: 25_000 },
];

/** Creates the demo fundraising goals once (matched by subreddit + title). */
export async function seedFundraising() {
  for (const g of GOALS) {
    const found = await db.fundraisingGoal.findFirst({ where: { subreddit: g.subreddit, title: g.title } });
    if (!found) await db.fundraisingGoal.create({ data: g });
  }
  return db.fundraisingGoal.count();
}
