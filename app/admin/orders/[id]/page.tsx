import Link from "next/link";
import { notFound } from "next/navigation";
import { OrderActions } from "@/components/admin/shop/order-actions";
import { Card, PageHeader, StatusBadge } from "@/components/ui";
import { money } from "@/lib/format";
import { requireDashboardUser } from "@/server/auth/session";
import { isAppError } from "@/server/errors";
import { orderUrlFor } from "@/server/services/shop/create-order";
import { orderDetail } from "@/server/services/shop/queries";

export const dynamic = "force-dynamic";

export default async function AdminOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireDashboardUser(`/admin/orders/${id}`);
  const o = await orderDetail(id).catch((e) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const m = o.money;
  const a = o.shippingAddress as Record<string, string | null> | null;
  const failedRefund = o.payment?.refunds.find((r) => r.status === "FAILED") ?? null;
  const row = (k: string, v: React.ReactNode) => (
    <div className="flex justify-between gap-3"><dt className="text-zinc-500">{k}</dt><dd className="text-right">{v}</dd></div>
  );
  return (
    <div className="space-y-4">
      <PageHeader title={`Order ${o.id}`} description={<><StatusBadge status={o.status} /> · {o.email} · <Link className="text-brand-700 underline" href={orderUrlFor(o.publicToken)}>shopper&apos;s page</Link></>} />
      {o.problem && <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">{o.problem}</p>}
      <OrderActions id={o.id} status={o.status} failedRefundId={failedRefund?.id ?? null} name={o.shippingName} address={a} />
      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <h2 className="mb-2 font-semibold">Money</h2>
          <dl className="space-y-1 text-sm">
            {row("Items", money(o.itemsCents, o.currency))}
            {row("Shipping charged", money(o.shippingCents, o.currency))}
            {row("Tax", money(o.taxCents, o.currency))}
            {row("Refunded", money(o.refundedCents, o.currency))}
            {row("Revenue (excl. tax, after refunds)", <strong>{money(m.revenueCents, o.currency)}</strong>)}
            {row("Base cost (print shop)", money(o.baseCostCents, o.currency))}
            {row("Shipping cost (print shop)", money(o.shippingCostCents, o.currency))}
            {row("Payment fee", money(m.feeCents, o.currency))}
            {row("Margin", <strong data-testid="order-margin">{money(m.marginCents, o.currency)}</strong>)}
          </dl>
        </Card>
        <Card>
          <h2 className="mb-2 font-semibold">Payment and fulfilment</h2>
          <dl className="space-y-1 text-sm">
            {row("Payment", o.payment ? <><StatusBadge status={o.payment.status} /> {o.payment.provider} {money(o.payment.amountCents, o.currency)}</> : "—")}
            {row("Payment intent", <span className="font-mono text-xs">{o.payment?.paymentIntentId ?? "—"}</span>)}
            {row("Print shop", o.fulfilmentProvider ?? "—")}
            {row("Fulfilment id", <span className="font-mono text-xs" data-testid="fulfilment-id">{o.fulfilmentId ?? "—"}</span>)}
            {row("Print shop status", o.fulfilmentStatus ?? "—")}
            {row("Tracking", o.trackingNumber ? (o.trackingUrl ? <a className="font-mono text-xs text-brand-700 underline" href={o.trackingUrl}>{o.trackingNumber}</a> : o.trackingNumber) : "—")}
            {row("Submit attempts", o.submitAttempts)}
            {o.payment?.refunds.map((r) => row(`Refund (${r.reason})`, <><StatusBadge status={r.status} /> {money(r.amountCents, r.currency)}{r.lastError ? ` — ${r.lastError}` : ""}</>))}
          </dl>
        </Card>
        <Card>
          <h2 className="mb-2 font-semibold">Items</h2>
          <ul className="space-y-1 text-sm">
            {o.items.map((i) => (
              <li key={i.id} className="flex justify-between gap-2">
                <span>{i.quantity} × {i.title} ({i.productType}, {i.colour}, {i.size})</span>
                <span>{money(i.unitCents * i.quantity, o.currency)} <span className="text-zinc-500">(cost {money(i.baseCostCents * i.quantity, o.currency)})</span></span>
              </li>
            ))}
          </ul>
        </Card>
        <Card>
          <h2 className="mb-2 font-semibold">Ship to</h2>
          {a ? (
            <address className="text-sm not-italic">
              {[o.shippingName, a.line1, a.line2, [a.city, a.state, a.postal_code].filter(Boolean).join(" "), a.country].filter(Boolean).map((l, i) => <span key={i} className="block">{l}</span>)}
              <span className="block text-zinc-500">{o.shippingRate ?? ""} shipping</span>
            </address>
          ) : <p className="text-sm text-zinc-500">Not paid yet.</p>}
        </Card>
      </div>
      <Card>
        <h2 className="mb-2 font-semibold">Timeline</h2>
        <ol className="space-y-1 text-sm">
          {o.events.map((e) => (
            <li key={e.id} className="flex justify-between gap-3"><span><span className="font-mono text-xs text-zinc-500">{e.type}</span> {e.message}</span><time className="shrink-0 text-zinc-500">{e.createdAt.toISOString().slice(0, 19).replace("T", " ")}</time></li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
