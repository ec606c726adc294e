import { db } from "../../db";

/** Active goals with the amount raised (one grouped query for the sums). */
export async function fundraisingGoals() {
  const goals = await db.fundraisingGoal.findMany({ where: { active: true }, orderBy: { createdAt: "asc" } });
  const sums = await db.donation.groupBy({ by: ["goalId"], where: { status: "PAID", goalId: { in: goals.map((g) => g.id) } }, _sum: { amountCents: true }, _count: { _all: true } });
  const byGoal = new Map(sums.map((s) => [s.goalId, s]));
  return goals.map((g) => {
    const s = byGoal.get(g.id);
    const raised = s?._sum.amountCents ?? 0;
    return { ...g, raisedCents: raised, donations: s?._count._all ?? 0, percent: g.targetCents ? Math.min(100, Math.round((raised / g.targetCents) * 100)) : 0 };
  });
}

/** Top subreddits by raised amount and top donors (anonymous donors are grouped and unnamed). */
export async function leaderboard(limit = 10) {
  const subs = await db.donation.groupBy({
    by: ["subreddit"],
    where: { status: "PAID", subreddit: { not: null } },
    _sum: { amountCents: true },
    orderBy: { _sum: { amountCents: "desc" } },
    take: limit,
  });
  const donors = await db.donation.groupBy({
    by: ["donorName"],
    where: { status: "PAID", anonymous: false, donorName: { not: null } },
    _sum: { amountCents: true },
    _count: { _all: true },
    orderBy: { _sum: { amountCents: "desc" } },
    take: limit,
  });
  return {
    subreddits: subs.map((s) => ({ subreddit: s.subreddit!, raisedCents: s._sum.amountCents ?? 0 })),
    donors: donors.map((d) => ({ name: d.donorName!, raisedCents: d._sum.amountCents ?? 0, donations: d._count._all })),
  };
}
