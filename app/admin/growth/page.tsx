import { Card, PageHeader } from "@/components/ui";
import { AlertBanner } from "@/components/admin/analytics/alert-banner";
import { BudgetForm, ImportForm, PriceForm, ProposalActions } from "@/components/admin/growth/actions";
import { requireDashboardUser } from "@/server/auth/session";
import { db } from "@/server/db";
import { budgetStatus } from "@/server/services/costs/budgets";
import { listPrices } from "@/server/services/costs/prices";
import { firingAlerts } from "@/server/services/alerts/notify";
import { listProposals } from "@/server/services/learning/learn-weights";
import { FACTORS } from "@/server/services/scoring/factors";

export const dynamic = "force-dynamic";
const usd = (micros: number) => `$${(micros / 1e6).toFixed(2)}`;

export default async function GrowthPage() {
  await requireDashboardUser("/admin/growth");
  const [proposals, budgets, prices, alerts, history] = await Promise.all([
    listProposals(10),
    budgetStatus(),
    listPrices(),
    firingAlerts(),
    db.alert.findMany({ orderBy: { firedAt: "desc" }, take: 15 }),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader title="Growth" description="Learned scoring weights, budgets, the price table, alerts and marketplace imports." />
      <AlertBanner alerts={alerts} />

      <Card>
        <h2 className="font-medium">Scoring weights learned nightly</h2>
        <p className="text-xs text-zinc-500">Applied automatically only when they beat the current weights on held-out ideas; each change can be rolled back.</p>
        <table className="mt-3 w-full text-sm">
          <thead className="text-left text-zinc-500"><tr><th>When</th><th>Status</th>{FACTORS.map((f) => <th key={f}>{f}</th>)}<th>Ideas / views / sales</th><th>Held-out loss before → after</th><th /></tr></thead>
          <tbody>
            {proposals.length === 0 && <tr><td colSpan={FACTORS.length + 5} className="py-2 text-zinc-500">No proposals yet: the nightly job needs at least 20 published ideas with views and a sale.</td></tr>}
            {proposals.map((p) => {
              const before = p.before as Record<string, number>;
              const after = p.after as Record<string, number>;
              return (
                <tr key={p.id} className="border-t border-zinc-100 align-top" title={p.reason}>
                  <td>{p.createdAt.toISOString().slice(0, 16).replace("T", " ")}</td>
                  <td>{p.status.toLowerCase().replace("_", " ")}</td>
                  {FACTORS.map((f) => <td key={f}>{before[f]?.toFixed(2)} → {after[f]?.toFixed(2)}</td>)}
                  <td>{p.sampleSize} / {p.views} / {p.sales}</td>
                  <td>{p.heldOutBefore.toFixed(4)} → {p.heldOutAfter.toFixed(4)}</td>
                  <td><ProposalActions id={p.id} status={p.status} /></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Card>

      <Card>
        <h2 className="font-medium">Budgets</h2>
        <p className="text-xs text-zinc-500">Warning at 80%; at 100% the ideas and designs queues pause until the period rolls over or the cap is raised. Paid commissions and orders are outside the budget.</p>
        <ul className="mt-3 space-y-1 text-sm">
          {budgets.length === 0 && <li className="text-zinc-500">No caps set.</li>}
          {budgets.map((b) => (
            <li key={b.id}>
              <strong>{b.provider}</strong> {b.period.toLowerCase()}: {usd(b.spentMicros)} of ${(b.capCents / 100).toFixed(2)} ({Math.round(b.ratio * 100)}%) — <span className={b.state === "ok" ? "text-green-700" : "text-red-700"}>{b.state}</span>
            </li>
          ))}
        </ul>
        <div className="mt-3"><BudgetForm /></div>
      </Card>

      <Card>
        <h2 className="font-medium">Marketplace imports</h2>
        <p className="text-xs text-zinc-500">Zazzle: Date, TC, Quantity, Sale Amount (+ Royalty, Referral, Order ID). Generic: date, listing_id (or tc), kind, quantity, revenue, currency, order_id, marketplace. A bad line rejects the whole file; a re-import adds nothing.</p>
        <div className="mt-3"><ImportForm /></div>
      </Card>

      <Card>
        <h2 className="font-medium">Price table</h2>
        <p className="text-xs text-zinc-500">Micro-dollars per unit. A call whose price is missing is recorded as unknown, never as zero.</p>
        <table className="mt-3 w-full text-sm">
          <thead className="text-left text-zinc-500"><tr><th>Key</th><th>Unit</th><th>Per unit (µ$)</th><th>Fixed (µ$)</th><th>Note</th></tr></thead>
          <tbody>
            {prices.map((p) => (
              <tr key={p.key} className="border-t border-zinc-100">
                <td className="font-mono text-xs">{p.key}</td><td>{p.unit}</td>
                <td><PriceForm priceKey={p.key} unit={p.unit} microsPerUnit={p.microsPerUnit} fixedMicros={p.fixedMicros} note={p.note} /></td>
                <td>{p.fixedMicros}</td><td className="text-zinc-500">{p.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>

      <Card>
        <h2 className="font-medium">Alerts</h2>
        <ul className="mt-2 space-y-1 text-sm">
          {history.length === 0 && <li className="text-zinc-500">No alerts have fired.</li>}
          {history.map((a) => (
            <li key={a.id}>
              <strong>{a.rule}</strong> fired {a.firedAt.toISOString().slice(0, 16).replace("T", " ")}
              {a.resolvedAt ? `, resolved ${a.resolvedAt.toISOString().slice(0, 16).replace("T", " ")}` : " — firing"}
              {a.channels.length ? ` (sent by ${a.channels.join(", ")})` : ""}: {a.message}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
