import { notFound } from "next/navigation";
import { AutoRefresh } from "@/components/store/auto-refresh";
import { ClearCartOnce } from "@/components/store/clear-cart-once";
import { Card, cn } from "@/components/ui";
import { money } from "@/lib/format";
import { ORDER_STATUS_LABEL, ORDER_TIMELINE } from "@/lib/shop";
import { isAppError } from "@/server/errors";
import { orderByToken } from "@/server/services/shop/queries";

export const dynamic = "force-dynamic";
export const metadata = { title: "Your order · merchloop", robots: { index: false } };

const MOVING = ["AWAITING_PAYMENT", "PAID", "SUBMITTED", "IN_PRODUCTION", "SHIPPED", "REFUND_PENDING"];

/** The shopper's private order page: the link is the only key. */
export default async function OrderPage({ params }: { params: Promise<{ token: string }> }) {
  const o = await orderByToken((await params).token).catch((e) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const reached = ORDER_TIMELINE.indexOf(o.status as (typeof ORDER_TIMELINE)[number]);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <AutoRefresh active={MOVING.includes(o.status)} />
      <ClearCartOnce orderId={o.id} paidAt={o.paidAt ? new Date(o.paidAt).toISOString() : null} />
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Your order</h1>
        <p className="text-sm text-zinc-500">Keep this page's link: it is the only way to see your order.</p>
      </div>
      <Card className="space-y-3">
        <p className="text-lg font-semibold" data-testid="order-status">{ORDER_STATUS_LABEL[o.status]}</p>
        {reached >= 0 && (
          <ol className="flex flex-wrap gap-2 text-xs" aria-label="Progress">
            {ORDER_TIMELINE.map((s, i) => (
              <li key={s} className={cn("rounded-full px-2 py-1", i <= reached ? "bg-brand-600 text-white" : "bg-zinc-100 text-zinc-500")} aria-current={i === reached ? "step" : undefined}>
                {ORDER_STATUS_LABEL[s]}
              </li>
            ))}
          </ol>
        )}
        {o.problem && !["SHIPPED", "DELIVERED"].includes(o.status) && <p role="alert" className="text-sm text-amber-800">{o.problem}</p>}
        {o.tracking && (
          <p className="text-sm">
            Tracking: <span data-testid="tracking-number" className="font-mono">{o.tracking.number}</span> ({o.tracking.carrier ?? "carrier"})
            {o.tracking.url && (
              <>
                {" "}· <a href={o.tracking.url} target="_blank" rel="noopener noreferrer" className="text-brand-700 underline">Track the package</a>
              </>
            )}
          </p>
        )}
        {o.refund && (
          <p className="text-sm">
            Refund of {money(o.refund.amountCents, o.refund.currency)}: {o.refund.status.toLowerCase()}. {o.refund.reason}
          </p>
        )}
      </Card>
      <Card className="space-y-2">
        <h2 className="font-semibold">Items</h2>
        <ul className="space-y-1 text-sm">
          {o.items.map((i, n) => (
            <li key={n} className="flex justify-between gap-2">
              <span>{i.quantity} × {i.title} ({i.colour}, {i.size})</span>
              <span>{money(i.unitCents * i.quantity, o.currency)}</span>
            </li>
          ))}
        </ul>
        {o.totalCents > 0 && (
          <div className="border-t border-zinc-200 pt-2 text-sm">
            <p className="flex justify-between"><span>Shipping</span><span>{money(o.shippingCents, o.currency)}</span></p>
            {o.taxCents > 0 && <p className="flex justify-between"><span>Tax</span><span>{money(o.taxCents, o.currency)}</span></p>}
            <p className="flex justify-between font-semibold"><span>Total</span><span>{money(o.totalCents, o.currency)}</span></p>
          </div>
        )}
      </Card>
      {o.shipping && (
        <Card className="space-y-1 text-sm">
          <h2 className="font-semibold">Shipping to</h2>
          <address className="not-italic">
            {[o.shipping.name, o.shipping.address.line1, o.shipping.address.line2, [o.shipping.address.city, o.shipping.address.state, o.shipping.address.postal_code].filter(Boolean).join(" "), o.shipping.address.country].filter(Boolean).map((l, i) => (
              <span key={i} className="block">{l}</span>
            ))}
          </address>
        </Card>
      )}
      <Card className="space-y-2">
        <h2 className="font-semibold">Timeline</h2>
        <ol className="space-y-1 text-sm" aria-label="Timeline">
          {o.timeline.map((e, i) => (
            <li key={i} className="flex justify-between gap-3">
              <span>{e.message}</span>
              <time className="shrink-0 text-zinc-500" dateTime={new Date(e.at).toISOString()}>{new Date(e.at).toISOString().slice(0, 16).replace("T", " ")} UTC</time>
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
