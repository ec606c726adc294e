"use client";
import { useState } from "react";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { Button, Card, ConfirmButton, CursorPager, EmptyState, ErrorMessage } from "@/components/ui";
import { useEditLock } from "@/components/admin/role-context";
import { ReviewCard } from "./review-card";

const TABS = [
  { status: "PENDING", label: "Waiting" },
  { status: "APPROVED", label: "Approved" },
  { status: "REJECTED", label: "Rejected" },
] as const;
type Status = (typeof TABS)[number]["status"];
const marketplaceLabel: Record<string, string> = { LOCAL: "the storefront", ZAZZLE: "Zazzle", PRINTFUL: "Printful" };

function AutoPublishSettings() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const lock = useEditLock();
  const settings = useQuery(trpc.review.autoPublish.queryOptions());
  const set = useMutation(trpc.review.setAutoPublish.mutationOptions({ onSuccess: (data) => qc.setQueryData(trpc.review.autoPublish.queryKey(), data) }));
  return (
    <Card className="space-y-2">
      <h2 className="font-semibold">Auto-publish</h2>
      <p className="text-sm text-zinc-600">Off: finished designs wait here for an admin. On: they go to that marketplace at once (their copy still passes the denylist and moderation). Every change is in the audit log.</p>
      <ul className="flex flex-wrap gap-4 text-sm">
        {(settings.data ?? []).map((m) => (
          <li key={m.marketplace}>
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={m.auto} disabled={lock.disabled || set.isPending} title={lock.title} onChange={(e) => set.mutate({ marketplace: m.marketplace, enabled: e.target.checked })} />
              Publish to {marketplaceLabel[m.marketplace] ?? m.marketplace} without review
            </label>
          </li>
        ))}
      </ul>
      <ErrorMessage error={settings.error ?? set.error} />
    </Card>
  );
}

/** The review gate: listings waiting for approval before they reach marketplaces, single or bulk. */
export function ReviewQueue() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const lock = useEditLock();
  const [status, setStatus] = useState<Status>("PENDING");
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const list = useQuery({ ...trpc.review.list.queryOptions({ status, cursor: cursors[cursors.length - 1] }), placeholderData: keepPreviousData });
  const done = async () => {
    setSelected(new Set());
    await qc.invalidateQueries({ queryKey: trpc.review.list.queryKey() });
  };
  const bulkApprove = useMutation(trpc.review.bulkApprove.mutationOptions({ onSuccess: done }));
  const bulkReject = useMutation(trpc.review.reject.mutationOptions({ onSuccess: done }));
  const items = list.data?.items ?? [];
  const ids = [...selected];
  const refused = bulkApprove.data?.refused ?? [];
  return (
    <div className="space-y-4">
      <AutoPublishSettings />
      <nav aria-label="Review status" className="flex gap-2 text-sm">
        {TABS.map((t) => (
          <Button key={t.status} size="sm" variant={t.status === status ? "primary" : "secondary"} aria-pressed={t.status === status} onClick={() => { setStatus(t.status); setCursors([undefined]); setSelected(new Set()); }}>
            {t.label}
          </Button>
        ))}
      </nav>
      {selected.size > 0 && (
        <div className="flex flex-wrap items-center gap-2 rounded-md bg-brand-50 px-3 py-2 text-sm" role="region" aria-label="Bulk actions">
          <span>{selected.size} selected</span>
          <Button size="sm" {...lock} busy={bulkApprove.isPending} onClick={() => bulkApprove.mutate({ listingIds: ids })}>Approve selected</Button>
          <ConfirmButton size="sm" {...lock} busy={bulkReject.isPending} prompt={`Reject ${selected.size} listings?`} confirmLabel="Reject all" onConfirm={() => bulkReject.mutate({ listingIds: ids })}>
            Reject selected
          </ConfirmButton>
          <Button size="sm" variant="ghost" onClick={() => setSelected(new Set())}>Clear</Button>
        </div>
      )}
      {refused.length > 0 && (
        <ul role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {refused.map((r) => <li key={r.listingId}>{r.reason}</li>)}
        </ul>
      )}
      <ErrorMessage error={list.error ?? bulkApprove.error ?? bulkReject.error} />
      {list.isLoading ? (
        <p className="text-sm text-zinc-500" role="status">Loading…</p>
      ) : items.length === 0 ? (
        <EmptyState title={status === "PENDING" ? "Nothing waits for review" : `No ${status.toLowerCase()} listings`}>
          Finished designs appear here when a marketplace they go to has auto-publish off.
        </EmptyState>
      ) : (
        <div className="space-y-4">
          {items.map((item) => (
            <ReviewCard
              key={`${item.id}:${item.reviewStatus}`}
              item={item}
              selected={selected.has(item.id)}
              onSelect={(on) => setSelected((prev) => { const next = new Set(prev); if (on) next.add(item.id); else next.delete(item.id); return next; })}
              onDone={done}
            />
          ))}
        </div>
      )}
      <CursorPager
        page={cursors.length}
        hasNext={!!list.data?.nextCursor}
        onPrevious={() => { setCursors((c) => c.slice(0, -1)); setSelected(new Set()); }}
        onNext={() => { setCursors((c) => [...c, list.data!.nextCursor!]); setSelected(new Set()); }}
      />
    </div>
  );
}
