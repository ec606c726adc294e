"use client";
import Link from "next/link";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { Button, Card, EmptyState, ErrorMessage, Progress, SelectField, StatusBadge } from "@/components/ui";
import { money, timeAgo } from "@/lib/format";
import { useEditLock } from "@/components/admin/role-context";

const STATUSES = ["QUEUED", "RUNNING", "DONE", "FAILED"] as const;
type Status = (typeof STATUSES)[number];
const active = (s: string) => s === "QUEUED" || s === "RUNNING";

/** Design gallery: thumbnails, mockups per product, live progress while work runs, retry for failures. */
export function DesignGallery() {
  const lock = useEditLock();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [status, setStatus] = useState<Status | "">("");
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const input = { status: status || undefined, cursor: cursors[cursors.length - 1], take: 24 };
  const list = useQuery({
    ...trpc.designs.list.queryOptions(input),
    refetchInterval: (q) => (q.state.data?.items.some((d) => active(d.status)) ? 1500 : false),
  });
  const retry = useMutation(trpc.designs.retry.mutationOptions({ onSettled: () => qc.invalidateQueries({ queryKey: trpc.designs.list.queryKey() }) }));
  const items = list.data?.items ?? [];
  const page = cursors.length;

  return (
    <div className="space-y-4">
      <Card className="flex flex-wrap items-end gap-4">
        <div className="w-44">
          <SelectField label="Status" value={status} onChange={(e) => { setStatus(e.target.value as Status | ""); setCursors([undefined]); }}>
            <option value="">All statuses</option>
            {STATUSES.map((s) => <option key={s} value={s}>{s.toLowerCase()}</option>)}
          </SelectField>
        </div>
        {list.isFetching && <span className="text-xs text-zinc-500" aria-live="polite">Refreshing…</span>}
      </Card>
      <ErrorMessage error={list.error ?? retry.error} />
      {list.isLoading ? (
        <p className="text-sm text-zinc-600">Loading designs…</p>
      ) : items.length === 0 ? (
        <EmptyState title={status ? `No ${status.toLowerCase()} designs` : "No designs yet"}>
          Designs appear here when an idea is approved on the <Link className="text-brand-700 underline" href="/admin/ideas">Ideas</Link> page.
        </EmptyState>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" aria-label="Designs">
          {items.map((d) => (
            <li key={d.id}>
              <Card className="flex h-full flex-col gap-3">
                <Link href={`/admin/designs/${d.id}`} className="block overflow-hidden rounded-md bg-[repeating-conic-gradient(#f4f4f5_0%_25%,#fff_0%_50%)] bg-[length:24px_24px]">
                  {d.thumbUrl ? (
                    <img src={d.thumbUrl} alt={`Design: ${d.idea.title}`} className="aspect-square w-full object-contain" loading="lazy" />
                  ) : (
                    <div className="flex aspect-square items-center justify-center text-sm text-zinc-500">{active(d.status) ? "Rendering…" : "No image"}</div>
                  )}
                </Link>
                <div className="flex items-start justify-between gap-2">
                  <div className="min-w-0">
                    <Link href={`/admin/designs/${d.id}`} className="block truncate font-medium hover:underline">{d.idea.title}</Link>
                    <p className="truncate text-xs text-zinc-500">{d.idea.theme} · {d.provider} · {d.quality} · {timeAgo(d.createdAt)}</p>
                  </div>
                  <StatusBadge status={d.status} />
                </div>
                {active(d.status) && <Progress value={d.progress} label={d.stage ?? "waiting in queue"} />}
                {d.status === "FAILED" && (
                  <div className="space-y-2">
                    <p role="alert" className="rounded bg-red-50 px-2 py-1 text-xs text-red-700">{d.error ?? "Failed without a message"}</p>
                    <Button size="sm" variant="secondary" {...lock} busy={retry.isPending && retry.variables?.id === d.id} onClick={() => retry.mutate({ id: d.id })}>
                      Retry (attempt {d.attempts + 1})
                    </Button>
                  </div>
                )}
                {d.mockups.length > 0 && (
                  <ul className="flex gap-2" aria-label="Mockups">
                    {d.mockups.map((m) => (
                      <li key={m.productType} className="w-1/4">
                        <a href={m.url} target="_blank" rel="noreferrer" title={`${m.productType} mockup`}>
                          <img src={m.url} alt={`${m.productType} mockup`} className="aspect-square w-full rounded object-cover ring-1 ring-zinc-200" loading="lazy" />
                        </a>
                        <span className="block text-center text-[10px] text-zinc-500">{m.productType}</span>
                      </li>
                    ))}
                  </ul>
                )}
                {d.listing && <p className="mt-auto text-sm text-zinc-700">{money(d.listing.priceCents, d.listing.currency)} · <span className="text-zinc-500">{d.listing.title}</span></p>}
              </Card>
            </li>
          ))}
        </ul>
      )}
      <nav aria-label="Pagination" className="flex items-center justify-center gap-3 text-sm">
        <Button size="sm" variant="secondary" disabled={page <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>← Previous</Button>
        <span aria-current="page">Page {page}</span>
        <Button size="sm" variant="secondary" disabled={!list.data?.nextCursor} onClick={() => setCursors((c) => [...c, list.data!.nextCursor!])}>Next →</Button>
      </nav>
    </div>
  );
}
