import { db } from "../../db";

/** Counts for the dashboard overview: one grouped query per table. */
export async function overviewCounts() {
  const [signals, ideas, designs, products, commissions, publications] = await Promise.all([
    db.signal.groupBy({ by: ["status"], _count: { _all: true } }),
    db.idea.groupBy({ by: ["status"], _count: { _all: true } }),
    db.design.groupBy({ by: ["status"], _count: { _all: true } }),
    db.product.count(),
    db.commission.groupBy({ by: ["status"], _count: { _all: true } }),
    db.publication.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const flat = (rows: Array<{ status: string; _count: { _all: number } }>) => Object.fromEntries(rows.map((r) => [r.status, r._count._all]));
  return { signals: flat(signals), ideas: flat(ideas), designs: flat(designs), products, commissions: flat(commissions), publications: flat(publications) };
}
