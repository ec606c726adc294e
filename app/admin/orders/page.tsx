import Link from "next/link";
import type { OrderStatus } from "@prisma/client";
import { Button, EmptyState, PageHeader, Pagination, StatusBadge } from "@/components/ui";
import { money, timeAgo } from "@/lib/format";
import { ORDER_STATUSES } from "@/lib/shop";
import { requireDashboardUser } from "@/server/auth/session";
import { listOrders } from "@/server/services/shop/queries";

export const dynamic = "force-dynamic";

export default async function AdminOrdersPage({ searchParams }: { searchParams: Promise<{ status?: string; page?: string }> }) {
  await requireDashboardUser("/admin/orders");
  const sp = await searchParams;
  const status = (ORDER_STATUSES as readonly string[]).includes(sp.status ?? "") ? (sp.status as OrderStatus) : undefined;
  const page = Math.max(1, Number(sp.page) || 1);
  const data = await listOrders({ status, page });
  const href = (p: number) => `/admin/orders?${new URLSearchParams({ ...(status ? { status } : {}), page: String(p) })}`;
  return (
    <div>
      <PageHeader title="Orders" description={`${data.total} order${data.total === 1 ? "" : "s"}${status ? ` ${status.toLowerCase().replaceAll("_", " ")}` : ""}`} actions={<Link href="/admin/catalogue"><Button variant="secondary">Catalogue &amp; prices</Button></Link>} />
      <form method="get" className="mb-4 flex items-end gap-2">
        <label className="text-sm">
          <span className="block font-medium">Status</span>
          <select name="status" defaultValue={status ?? ""} className="mt-1 rounded-md px-2 py-1.5 text-sm ring-1 ring-zinc-300">
            <option value="">All</option>
            {ORDER_STATUSES.map((s) => <option key={s} value={s}>{s.toLowerCase().replaceAll("_", " ")}</option>)}
          </select>
        </label>
        <Button type="submit" size="sm" variant="secondary">Filter</Button>
      </form>
      {data.items.length === 0 ? (
        <EmptyState title="No orders here">Orders appear when a shopper checks out a cart on the storefront or through POST /api/orders.</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-zinc-200">
          <table className="min-w-full text-sm">
            <thead className="bg-zinc-50 text-left text-xs uppercase text-zinc-500">
              <tr><th className="px-3 py-2">Created</th><th className="px-3 py-2">Shopper</th><th className="px-3 py-2">Items</th><th className="px-3 py-2">Status</th><th className="px-3 py-2 text-right">Revenue</th><th className="px-3 py-2 text-right">Costs</th><th className="px-3 py-2 text-right">Margin</th><th className="px-3 py-2">Tracking</th></tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {data.items.map((o) => (
                <tr key={o.id}>
                  <td className="px-3 py-2"><Link className="text-brand-700 underline" href={`/admin/orders/${o.id}`}>{timeAgo(o.createdAt)}</Link></td>
                  <td className="max-w-[12rem] truncate px-3 py-2">{o.email}</td>
                  <td className="px-3 py-2">{o.itemCount}</td>
                  <td className="px-3 py-2"><StatusBadge status={o.status} />{o.problem && ["ON_HOLD", "PAID"].includes(o.status) ? <span className="ml-1 text-xs text-amber-700" title={o.problem}>⚠</span> : null}</td>
                  <td className="px-3 py-2 text-right">{money(o.money.revenueCents, o.currency)}</td>
                  <td className="px-3 py-2 text-right">{money(o.money.costCents, o.currency)}</td>
                  <td className="px-3 py-2 text-right" data-testid="order-margin">{money(o.money.marginCents, o.currency)}</td>
                  <td className="px-3 py-2 font-mono text-xs">{o.trackingNumber ?? "—"}</td>
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
