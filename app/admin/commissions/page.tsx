import Link from "next/link";
import type { CommissionStatus } from "@prisma/client";
import { Button, EmptyState, PageHeader, Pagination, StatusBadge } from "@/components/ui";
import { money, timeAgo } from "@/lib/format";
import { listCommissions } from "@/server/services/commissions/queries";
import { ZCommissionStatus } from "@/server/api/routers/commissions/list.types";
import { requireDashboardUser } from "@/server/auth/session";

export const dynamic = "force-dynamic";

export default async function AdminCommissionsPage({ searchParams }: { searchParams: Promise<{ status?: string; page?: string }> }) {
  await requireDashboardUser("/admin/commissions");
  const sp = await searchParams;
  const status = ZCommissionStatus.safeParse(sp.status).data as CommissionStatus | undefined;
  const page = Math.max(1, Number(sp.page) || 1);
  const data = await listCommissions({ status, page });
  const href = (p: number) => `/admin/commissions?${new URLSearchParams({ ...(status ? { status } : {}), page: String(p) })}`;
  return (
    <div>
      <PageHeader
        title="Commissions"
        description={`${data.total} commission${data.total === 1 ? "" : "s"}${status ? ` ${status.toLowerCase().replaceAll("_", " ")}` : ""}`}
        actions={<Link href="/admin/commissions/tiers"><Button variant="secondary">Tiers &amp; review</Button></Link>}
      />
      <form method="get" className="mb-4 flex items-end gap-2">
        <label className="text-sm">
          <span className="block font-medium">Status</span>
          <select name="status" defaultValue={status ?? ""} className="mt-1 rounded-md px-2 py-1.5 text-sm ring-1 ring-zinc-300">
            <option value="">All</option>
            {ZCommissionStatus.options.map((s) => <option key={s} value={s}>{s.toLowerCase().replaceAll("_", " ")}</option>)}
          </select>
        </label>
        <Button type="submit" size="sm" variant="secondary">Filter</Button>
      </form>
      {data.items.length === 0 ? (
        <EmptyState title="No commissions here">Commissions appear as soon as a shopper starts one on /commission.</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-zinc-200">
          <table className="min-w-full text-sm">
            <thead className="bg-zinc-50 text-left text-xs uppercase text-zinc-500">
              <tr><th className="px-3 py-2">Created</th><th className="px-3 py-2">Tier</th><th className="px-3 py-2">What</th><th className="px-3 py-2">Amount</th><th className="px-3 py-2">Status</th><th className="px-3 py-2">Product</th></tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {data.items.map((c) => (
                <tr key={c.id}>
                  <td className="px-3 py-2"><Link className="text-brand-700 underline" href={`/admin/commissions/${c.id}`}>{timeAgo(c.createdAt)}</Link></td>
                  <td className="px-3 py-2">{c.tier.name}</td>
                  <td className="max-w-xs truncate px-3 py-2">{c.type === "POST" ? c.postUrl : c.type === "SUBREDDIT" ? `r/${c.subreddit}` : "surprise"}</td>
                  <td className="px-3 py-2">{money(c.amountCents, c.currency)}</td>
                  <td className="px-3 py-2"><StatusBadge status={c.status} />{c.stage && c.status === "IN_PROGRESS" ? <span className="ml-1 text-xs text-zinc-500">{c.stage}</span> : null}</td>
                  <td className="px-3 py-2">{c.product ? <Link className="text-brand-700 underline" href={`/products/${c.product.slug}`}>{c.product.title}</Link> : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={data.page} pageCount={data.pageCount} href={href} />
    </div>
  );
}
