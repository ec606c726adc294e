"use client";
import Link from "next/link";
import { useCallback, useEffect, useMemo, useState } from "react";
import { Badge, Card, PageHeader, Progress, StatusBadge } from "@/components/ui";
import { money } from "@/lib/format";
import type { CommissionStatusView } from "@/server/services/commissions/queries";
import { STAGES, stageLabel } from "@/lib/vocabulary";

type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };
type View = Json<CommissionStatusView>;
type LiveEvent = { id: number; type: string; message: string; progress: number | null; createdAt: string };

const FINAL = ["COMPLETED", "REFUNDED", "EXPIRED", "PAYMENT_FAILED"];

export function CommissionStatus({ token, initial }: { token: string; initial: View }) {
  const [view, setView] = useState(initial);
  const [events, setEvents] = useState<LiveEvent[]>(initial.events as unknown as LiveEvent[]);
  const [live, setLive] = useState(false);

  const refresh = useCallback(async () => {
    const res = await fetch(`/api/commissions/${token}`, { cache: "no-store" });
    if (!res.ok) return;
    const s = await res.json();
    setView((v) => ({ ...v, status: s.status, stage: s.stage, progress: s.progress, product: s.product, paidAt: s.paidAt, refund: s.refund ? { ...s.refund, amountCents: s.refund.amount, reasonText: v.refund?.reasonText ?? "" } : null }));
  }, [token]);

  useEffect(() => {
    if (FINAL.includes(view.status)) return;
    const last = events.at(-1)?.id ?? 0;
    const es = new EventSource(`/api/commissions/${token}/events?after=${last}`);
    es.onopen = () => setLive(true);
    es.addEventListener("progress", (m) => {
      const e = JSON.parse((m as MessageEvent).data) as LiveEvent;
      setEvents((prev) => (prev.some((p) => p.id === e.id) ? prev : [...prev, e]));
      if (["paid", "done", "refunded", "refund_requested", "needs_review", "expired", "payment_failed"].includes(e.type)) void refresh();
    });
    es.addEventListener("end", () => {
      es.close();
      setLive(false);
      void refresh().then(() => window.location.reload());
    });
    es.onerror = () => setLive(false);
    return () => es.close();
    // reconnects are handled by EventSource itself (Last-Event-ID)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token, view.status === "COMPLETED" || view.status === "REFUNDED"]);

  const reached = useMemo(() => new Set(events.map((e) => e.type)), [events]);
  const progress = view.status === "COMPLETED" ? 100 : (events.filter((e) => e.progress !== null).at(-1)?.progress ?? view.progress);
  const current = [...STAGES].reverse().find((s) => reached.has(s.key))?.key;

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader title="Your commission" description="Keep this link private: anyone with it can see this page." actions={<StatusBadge status={view.status} />} />

      <Card className="space-y-1 text-sm" aria-label="Receipt">
        <h2 className="mb-2 font-semibold">Receipt</h2>
        <p>Reference: <span className="font-mono" data-testid="commission-ref">{view.id}</span></p>
        <p>Tier: <strong>{view.tier}</strong></p>
        <p>Amount: <strong>{money(view.amountCents, view.currency)}</strong></p>
        <p>Paid: {view.paidAt ? new Date(view.paidAt).toLocaleString() : "waiting for payment confirmation…"}</p>
        {view.email && <p>Receipt email: {view.email}</p>}
        {view.displayName && <p>From: {view.displayName}</p>}
        {view.message && <p className="italic text-zinc-600">“{view.message}”</p>}
      </Card>

      {view.product && (
        <Card className="bg-green-50 ring-green-200">
          <p className="font-semibold text-green-900">Your product is ready!</p>
          <Link href={view.product.url} className="mt-1 inline-block text-brand-700 underline">
            View {view.product.title}
          </Link>
        </Card>
      )}
      {view.refund && (
        <Card className="bg-blue-50 ring-blue-200" role="status">
          <p className="font-semibold text-blue-900">{view.status === "REFUNDED" ? `Refunded ${money(view.refund.amountCents, view.refund.currency)}` : `Refund of ${money(view.refund.amountCents, view.refund.currency)} on its way`}</p>
          <p className="text-sm text-blue-900">{view.refund.reasonText || view.refund.reason}</p>
        </Card>
      )}
      {view.status === "AWAITING_PAYMENT" && <p className="text-sm text-zinc-600">Waiting for the payment to be confirmed…</p>}
      {view.status === "NEEDS_REVIEW" && <p className="text-sm text-zinc-600">Our team is reviewing the idea. You&apos;ll see progress here as soon as it&apos;s approved.</p>}

      <Card className="space-y-4">
        <div className="flex items-center justify-between">
          <h2 className="font-semibold">Progress</h2>
          {live && <Badge tone="info">live</Badge>}
        </div>
        <Progress value={progress ?? 0} label={current ? stageLabel(current) : "Waiting"} />
        <ol aria-label="Stages" className="grid gap-1 text-sm sm:grid-cols-2">
          {STAGES.map((s) => {
            const done = reached.has(s.key);
            return (
              <li key={s.key} className={done ? "text-zinc-900" : "text-zinc-400"}>
                <span aria-hidden>{done ? "✓" : "○"}</span> {s.label}
                <span className="sr-only">{done ? " (reached)" : " (not yet)"}</span>
              </li>
            );
          })}
        </ol>
        <div>
          <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">Activity</h3>
          <ol aria-label="Activity" className="mt-2 space-y-1 text-sm">
            {events.map((e) => (
              <li key={e.id} className="flex justify-between gap-3">
                <span>{e.message}</span>
                <span className="shrink-0 text-xs text-zinc-500">{e.progress !== null ? `${e.progress}%` : ""}</span>
              </li>
            ))}
          </ol>
        </div>
      </Card>
    </div>
  );
}
