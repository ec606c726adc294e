import { PageHeader } from "@/components/ui";
import { AnalyticsCharts } from "@/components/admin/analytics/charts";
import { AlertBanner } from "@/components/admin/analytics/alert-banner";
import { requireDashboardUser } from "@/server/auth/session";
import { analyticsCommunities, getAnalytics, ZAnalyticsFilter } from "@/server/services/analytics/get-analytics";
import { firingAlerts } from "@/server/services/alerts/notify";

export const dynamic = "force-dynamic";

export default async function AnalyticsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requireDashboardUser("/admin/analytics");
  const sp = await searchParams;
  const parsed = ZAnalyticsFilter.safeParse({ from: sp.from || undefined, to: sp.to || undefined, community: sp.community, marketplace: sp.marketplace || undefined });
  const filter = parsed.success ? parsed.data : {};
  const [data, communities, alerts] = await Promise.all([getAnalytics(filter), analyticsCommunities(), firingAlerts()]);
  return (
    <div className="space-y-6">
      <PageHeader title="Analytics" description="Does the shop make money, and why: the loop's funnel, money, KPIs, SLA and experiments." />
      <AlertBanner alerts={alerts} />
      {!parsed.success && <p className="text-sm text-red-700">Some filters were not understood and were ignored.</p>}
      <form className="flex flex-wrap items-end gap-3 text-sm" method="get" aria-label="Filters">
        <label className="flex flex-col">From<input type="date" name="from" defaultValue={data.range.from} className="rounded border border-zinc-300 px-2 py-1" /></label>
        <label className="flex flex-col">To<input type="date" name="to" defaultValue={data.range.to} className="rounded border border-zinc-300 px-2 py-1" /></label>
        <label className="flex flex-col">Community
          <select name="community" defaultValue={data.filter.community ?? ""} className="rounded border border-zinc-300 px-2 py-1">
            <option value="">All</option>
            {communities.map((c) => <option key={c} value={c}>r/{c}</option>)}
          </select>
        </label>
        <label className="flex flex-col">Marketplace
          <select name="marketplace" defaultValue={data.filter.marketplace ?? ""} className="rounded border border-zinc-300 px-2 py-1">
            <option value="">All</option>
            <option value="LOCAL">Storefront</option>
            <option value="ZAZZLE">Zazzle</option>
            <option value="PRINTFUL">Printful</option>
          </select>
        </label>
        <button className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white">Apply</button>
      </form>
      <AnalyticsCharts data={data} />
    </div>
  );
}
