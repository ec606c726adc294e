import Link from "next/link";
import { Card, PageHeader, StatusBadge } from "@/components/ui";
import { overviewCounts } from "@/server/services/system/overview";
import { systemStatus } from "@/server/services/system/status";
import { pendingJobs } from "@/lib/format";
import { requireDashboardUser } from "@/server/auth/session";
import { countWaitingForReview } from "@/server/services/publishing/list-review";
import { AlertBanner } from "@/components/admin/analytics/alert-banner";
import { firingAlerts } from "@/server/services/alerts/notify";

export const dynamic = "force-dynamic";

function Counts({ title, href, counts }: { title: string; href: string; counts: Record<string, number> }) {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return (
    <Card>
      <div className="flex items-baseline justify-between">
        <h2 className="font-medium">{title}</h2>
        <Link href={href} className="text-sm text-brand-700 hover:underline">
          {total} →
        </Link>
      </div>
      <ul className="mt-3 flex flex-wrap gap-2">
        {Object.keys(counts).length === 0 && <li className="text-sm text-zinc-500">None yet</li>}
        {Object.entries(counts).map(([s, n]) => (
          <li key={s} className="flex items-center gap-1 text-sm">
            <StatusBadge status={s} /> {n}
          </li>
        ))}
      </ul>
    </Card>
  );
}

export default async function AdminOverview() {
  await requireDashboardUser("/admin");
  const [counts, status, waiting, alerts] = await Promise.all([overviewCounts(), systemStatus(), countWaitingForReview(), firingAlerts()]);
  return (
    <>
      <PageHeader title="Overview" description="The loop at a glance: signals become ideas, designs, products and commissions." />
      <div className="mb-4 empty:hidden">
        <AlertBanner alerts={alerts} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Counts title="Signals" href="/admin/signals" counts={counts.signals} />
        <Counts title="Ideas" href="/admin/ideas" counts={counts.ideas} />
        <Counts title="Designs" href="/admin/designs" counts={counts.designs} />
        <Card>
          <div className="flex items-baseline justify-between">
            <h2 className="font-medium">Review</h2>
            <Link href="/admin/review" className="text-sm text-brand-700 hover:underline">
              {waiting} →
            </Link>
          </div>
          <p className="mt-3 text-sm text-zinc-600">
            {waiting === 0 ? "Nothing waits for approval." : `${waiting} finished design${waiting === 1 ? "" : "s"} wait${waiting === 1 ? "s" : ""} for approval before reaching marketplaces.`}
          </p>
        </Card>
        <Counts title="Publications" href="/admin/publications" counts={counts.publications} />
        <Counts title="Commissions" href="/admin/commissions" counts={counts.commissions} />
        <Card>
          <h2 className="font-medium">Storefront</h2>
          <p className="mt-3 text-sm">
            {counts.products} published products ·{" "}
            <Link href="/" className="text-brand-700 hover:underline">
              open the shop
            </Link>
          </p>
        </Card>
      </div>
      <div className="mt-6 grid gap-4 lg:grid-cols-2">
        <Card>
          <h2 className="font-medium">Worker</h2>
          {status.worker ? (
            <p className="mt-2 text-sm">
              Alive: last heartbeat {status.worker.ageSeconds}s ago (pid {status.worker.pid} on {status.worker.host})
            </p>
          ) : (
            <p className="mt-2 text-sm text-red-700">No worker heartbeat: jobs will wait until a worker runs (npm start runs one).</p>
          )}
          <h3 className="mt-4 text-sm font-medium">Providers in use</h3>
          <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
            {Object.entries(status.providers).map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-zinc-500">{k}</dt>
                <dd>{Array.isArray(v) ? v.join(", ") : v}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card>
          <div className="flex items-baseline justify-between">
            <h2 className="font-medium">Queues</h2>
            <Link href="/admin/queues" className="text-sm text-brand-700 hover:underline">
              details →
            </Link>
          </div>
          {status.queues ? (
            <table className="mt-2 w-full text-sm">
              <thead className="text-left text-zinc-500">
                <tr>
                  <th className="font-normal">queue</th>
                  <th className="font-normal">waiting</th>
                  <th className="font-normal">active</th>
                  <th className="font-normal">failed</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(status.queues).map(([q, c]) => (
                  <tr key={q}>
                    <td>{q}</td>
                    <td>{pendingJobs(c)}</td>
                    <td>{c.active ?? 0}</td>
                    <td className={c.failed ? "text-red-700" : ""}>{c.failed ?? 0}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="mt-2 text-sm text-red-700">Redis is unreachable: queue counts unavailable.</p>
          )}
        </Card>
      </div>
    </>
  );
}
