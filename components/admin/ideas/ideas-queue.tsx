"use client";
import { useState } from "react";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { Button, ConfirmButton, CursorPager, EmptyState, ErrorMessage, SelectField, TextField } from "@/components/ui";
import { IdeaCard } from "./idea-card";
import { useEditLock } from "@/components/admin/role-context";

const STATUSES = ["NEW", "APPROVED", "REJECTED", "DESIGNED", "PUBLISHED"] as const;
type Status = (typeof STATUSES)[number];
const PAGE = 10;

/** The review queue: filters, cursor pages, per-idea actions and bulk approve/reject. */
export function IdeasQueue() {
  const lock = useEditLock();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [status, setStatus] = useState<Status | "">("NEW");
  const [community, setCommunity] = useState("");
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const cursor = cursors[cursors.length - 1];
  const list = useQuery({
    ...trpc.ideas.list.queryOptions({ status: status || undefined, community: community.trim() || undefined, cursor, limit: PAGE }),
    placeholderData: keepPreviousData,
  });
  const done = async () => {
    setSelected(new Set());
    await qc.invalidateQueries({ queryKey: trpc.ideas.list.queryKey() });
  };
  const bulkApprove = useMutation(trpc.ideas.bulkApprove.mutationOptions({ onSuccess: done }));
  const bulkReject = useMutation(trpc.ideas.bulkReject.mutationOptions({ onSuccess: done }));
  const scoreNow = useMutation(trpc.ideas.scoreNow.mutationOptions());

  const resetPaging = () => {
    setCursors([undefined]);
    setSelected(new Set());
  };
  const items = list.data?.items ?? [];
  const ids = [...selected];

  return (
    <section aria-labelledby="queue-heading" className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <h2 id="queue-heading" className="sr-only">Idea queue</h2>
        <div className="w-44">
          <SelectField label="Status" value={status} onChange={(e) => { setStatus(e.target.value as Status | ""); resetPaging(); }}>
            <option value="">All</option>
            {STATUSES.map((s) => <option key={s} value={s}>{s.toLowerCase()}</option>)}
          </SelectField>
        </div>
        <div className="w-52">
          <TextField label="Subreddit" placeholder="e.g. cats" value={community} onChange={(e) => { setCommunity(e.target.value); resetPaging(); }} />
        </div>
        <div className="ml-auto flex items-center gap-2">
          <Button variant="secondary" {...lock} busy={scoreNow.isPending} onClick={() => scoreNow.mutate({})}>Score new signals now</Button>
          {scoreNow.isSuccess && <span className="text-xs text-green-700" role="status">Scoring run queued.</span>}
        </div>
      </div>
      <ErrorMessage error={scoreNow.error} />

      {selected.size > 0 && (
        <div className="flex flex-wrap items-center gap-2 rounded-md bg-brand-50 px-3 py-2 text-sm" role="region" aria-label="Bulk actions">
          <span>{selected.size} selected</span>
          <Button size="sm" busy={bulkApprove.isPending} onClick={() => bulkApprove.mutate({ ideaIds: ids })}>Approve selected</Button>
          <ConfirmButton size="sm" busy={bulkReject.isPending} prompt={`Reject ${selected.size} ideas?`} confirmLabel="Reject all" onConfirm={() => bulkReject.mutate({ ideaIds: ids })}>
            Reject selected
          </ConfirmButton>
          <Button size="sm" variant="ghost" onClick={() => setSelected(new Set())}>Clear</Button>
        </div>
      )}
      <ErrorMessage error={bulkApprove.error ?? bulkReject.error ?? list.error} />

      {list.isLoading ? (
        <p className="text-sm text-zinc-500" role="status">Loading ideas…</p>
      ) : items.length === 0 ? (
        <EmptyState title={status ? `No ${status.toLowerCase()} ideas` : "No ideas yet"}>
          Ideas appear here after signals are scored: the best posts of each scoring run become ideas. Use “Score new signals now” after an ingest.
        </EmptyState>
      ) : (
        <div className="space-y-3">
          {items.map((idea) => (
            <IdeaCard
              key={idea.id}
              idea={idea}
              selected={selected.has(idea.id)}
              onSelect={(on) => setSelected((prev) => { const next = new Set(prev); if (on) next.add(idea.id); else next.delete(idea.id); return next; })}
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
    </section>
  );
}
