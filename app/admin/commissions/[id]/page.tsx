import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader, StatusBadge } from "@/components/ui";
import { CommissionActions } from "@/components/admin/commissions/commission-actions";
import { money } from "@/lib/format";
import { isAppError } from "@/server/errors";
import { commissionDetail, refundReasonText } from "@/server/services/commissions/queries";
import { requireDashboardUser } from "@/server/auth/session";

export const dynamic = "force-dynamic";

export default async function AdminCommissionPage({ params }: { params: Promise<{ id: string }> }) {
  await requireDashboardUser("/admin/commissions");
  const { id } = await params;
  const c = await commissionDetail(id).catch((e) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const refund = c.refunds[0];
  return (
    <div className="space-y-6">
      <PageHeader title={`${c.tier.name} commission`} description={<>Created {c.createdAt.toLocaleString()} · <Link className="underline" href={`/c/${c.publicToken}`}>shopper&apos;s status page</Link></>} actions={<StatusBadge status={c.status} />} />
      <CommissionActions id={c.id} status={c.status} failedRefundId={refund && refund.status !== "SUCCEEDED" ? refund.id : null} />
      <div className="grid gap-4 md:grid-cols-2">
        <Card className="space-y-1 text-sm">
          <h2 className="mb-2 font-semibold">Request</h2>
          <p>Type: {c.type.toLowerCase()}</p>
          {c.postUrl && <p className="truncate">Post: <a className="underline" href={c.postUrl}>{c.postUrl}</a></p>}
          {c.subreddit && <p>Subreddit: r/{c.subreddit}</p>}
          {c.message && <p>Message: “{c.message}”</p>}
          <p>From: {c.anonymous ? "anonymous" : (c.displayName ?? "—")} {c.email ? `· ${c.email}` : ""}</p>
          {c.signal && <p>Signal: {c.signal.title}</p>}
          {c.idea && <p>Idea: {c.idea.title} <StatusBadge status={c.idea.status} /></p>}
          {c.product && <p>Product: <Link className="text-brand-700 underline" href={`/products/${c.product.slug}`}>{c.product.title}</Link></p>}
          {c.failureReason && <p>Reason: {refundReasonText(c.failureReason)}</p>}
        </Card>
        <Card className="space-y-2 text-sm">
          <h2 className="font-semibold">Money</h2>
          {c.payments.map((p) => (
            <div key={p.id}>
              Payment {money(p.amountCents, p.currency)} via {p.provider} <StatusBadge status={p.status} />
              <p className="truncate text-xs text-zinc-500">{p.checkoutSessionId} {p.paymentIntentId ? `· ${p.paymentIntentId}` : ""}</p>
            </div>
          ))}
          {c.refunds.map((r) => (
            <div key={r.id}>
              Refund {money(r.amountCents, r.currency)} <StatusBadge status={r.status} /> <span className="text-xs text-zinc-500">({r.reason}, {r.attempts} attempt{r.attempts === 1 ? "" : "s"})</span>
              {r.lastError && <p className="text-xs text-red-700" role="alert">Last error: {r.lastError}</p>}
              {r.providerRefundId && <p className="text-xs text-zinc-500">{r.providerRefundId}</p>}
            </div>
          ))}
          {c.payments.length === 0 && <p className="text-zinc-500">No payment yet.</p>}
        </Card>
      </div>
      <Card>
        <h2 className="mb-2 font-semibold">Timeline</h2>
        <ol className="space-y-1 text-sm">
          {c.events.map((e) => (
            <li key={e.id} className="flex justify-between gap-3">
              <span><span className="mr-2 font-mono text-xs text-zinc-500">{e.type}</span>{e.message}</span>
              <span className="shrink-0 text-xs text-zinc-500">{e.progress !== null ? `${e.progress}% · ` : ""}{e.createdAt.toLocaleTimeString()}</span>
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
