"use client";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { Button, Card, EmptyState, ErrorMessage, SelectField, StatusBadge } from "@/components/ui";
import { timeAgo } from "@/lib/format";
import { useEditLock } from "@/components/admin/role-context";

const STATUSES = ["QUEUED", "RUNNING", "PUBLISHED", "FAILED"] as const;
const MARKETPLACES = ["LOCAL", "ZAZZLE", "PRINTFUL"] as const;
type Status = (typeof STATUSES)[number];
type Marketplace = (typeof MARKETPLACES)[number];

const marketplaceLabel: Record<Marketplace, string> = { LOCAL: "Storefront", ZAZZLE: "Zazzle", PRINTFUL: "Printful" };

/** Publications with filters, cursor pages and retry; polls so running work shows up without a reload. */
export function PublicationsTable() {
  const lock = useEditLock();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [status, setStatus] = useState<Status | "">("");
  const [marketplace, setMarketplace] = useState<Marketplace | "">("");
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  // publication id → attempts when Retry was clicked; the row is in progress until a later attempt settles.
  const [retrying, setRetrying] = useState<Map<string, number>>(new Map());

  const input = { status: status || undefined, marketplace: marketplace || undefined, cursor: cursors[cursors.length - 1], take: 25 };
  const list = useQuery({
    ...trpc.publications.list.queryOptions(input),
    refetchInterval: (q) => (q.state.data?.items.some((p) => inProgress(p, retrying)) ? 1500 : 4000),
  });
  const retry = useMutation(
    trpc.publications.retry.mutationOptions({
      onMutate: ({ publicationId }) => {
        const row = list.data?.items.find((p) => p.id === publicationId);
        setRetrying((m) => new Map(m).set(publicationId, row?.attempts ?? 0));
      },
      onError: (_e, { publicationId }) => setRetrying((m) => without(m, publicationId)),
      onSettled: () => qc.invalidateQueries({ queryKey: trpc.publications.list.queryKey() }),
    }),
  );

  const items = list.data?.items ?? [];

  const resetPages = () => setCursors([undefined]);
  const page = cursors.length;

  return (
    <div className="space-y-4">
      <Card className="flex flex-wrap items-end gap-4">
        <div className="w-44">
          <SelectField label="Status" value={status} onChange={(e) => { setStatus(e.target.value as Status | ""); resetPages(); }}>
            <option value="">All statuses</option>
            {STATUSES.map((s) => <option key={s} value={s}>{s.toLowerCase()}</option>)}
          </SelectField>
        </div>
        <div className="w-44">
          <SelectField label="Marketplace" value={marketplace} onChange={(e) => { setMarketplace(e.target.value as Marketplace | ""); resetPages(); }}>
            <option value="">All marketplaces</option>
            {MARKETPLACES.map((m) => <option key={m} value={m}>{marketplaceLabel[m]}</option>)}
          </SelectField>
        </div>
        {list.isFetching && <span className="pb-2 text-xs text-zinc-500" aria-live="polite">Refreshing…</span>}
      </Card>

      <ErrorMessage error={list.error ?? retry.error} />
      {list.isLoading && <p className="text-sm text-zinc-500">Loading publications…</p>}
      {list.isSuccess && items.length === 0 && (
        <EmptyState title={status || marketplace ? "No publications match these filters" : "No publications yet"}>
          A publication is queued for every configured marketplace when a design finishes.
        </EmptyState>
      )}

      {items.length > 0 && (
        <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-zinc-200">
          <table className="w-full text-sm">
            <caption className="sr-only">Publications</caption>
            <thead className="bg-zinc-50 text-left text-xs uppercase tracking-wide text-zinc-500">
              <tr>
                <th scope="col" className="px-3 py-2">Listing</th>
                <th scope="col" className="px-3 py-2">Marketplace</th>
                <th scope="col" className="px-3 py-2">Status</th>
                <th scope="col" className="px-3 py-2">External id</th>
                <th scope="col" className="px-3 py-2">Attempts</th>
                <th scope="col" className="px-3 py-2">Last error</th>
                <th scope="col" className="px-3 py-2"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {items.map((p) => {
                const busy = inProgress(p, retrying) || (retry.isPending && retry.variables?.publicationId === p.id);
                return (
                  <tr key={p.id} className="align-top">
                    <th scope="row" className="max-w-xs px-3 py-2 text-left font-medium text-zinc-900">{p.listing.title}</th>
                    <td className="px-3 py-2">{marketplaceLabel[p.marketplace]}</td>
                    <td className="px-3 py-2">
                      <StatusBadge status={p.status} />
                      <p className="mt-1 text-xs text-zinc-500">{p.publishedAt ? timeAgo(p.publishedAt) : `queued ${timeAgo(p.createdAt)}`}</p>
                    </td>
                    <td className="px-3 py-2">
                      {p.externalId ? <span className="font-mono text-xs">{p.externalId.length > 24 ? `${p.externalId.slice(0, 24)}…` : p.externalId}</span> : <span className="text-zinc-400">—</span>}
                      {p.url && (
                        <a href={p.url} target="_blank" rel="noopener noreferrer" className="block text-xs text-brand-700 underline">
                          Open{p.marketplace === "LOCAL" ? " product page" : ` on ${marketplaceLabel[p.marketplace]}`}
                        </a>
                      )}
                    </td>
                    <td className="px-3 py-2 tabular-nums">{p.attempts}</td>
                    <td className="max-w-sm px-3 py-2 text-xs text-red-700">{p.lastError ?? <span className="text-zinc-400">—</span>}</td>
                    <td className="px-3 py-2 text-right">
                      {busy ? (
                        <span className="inline-flex items-center gap-2 text-xs text-zinc-600" role="status">
                          <span className="size-3 animate-spin rounded-full border-2 border-current border-t-transparent" aria-hidden />
                          {p.status === "RUNNING" ? "Publishing…" : p.status === "QUEUED" ? "Waiting in queue…" : "Retrying…"}
                        </span>
                      ) : (
                        p.status === "FAILED" && (
                          <Button size="sm" variant="secondary" {...lock} onClick={() => retry.mutate({ publicationId: p.id })} aria-label={`Retry ${marketplaceLabel[p.marketplace]} publication of ${p.listing.title}`}>
                            Retry
                          </Button>
                        )
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {(page > 1 || list.data?.nextCursor) && (
        <nav aria-label="Pagination" className="flex items-center justify-center gap-3 text-sm">
          <Button size="sm" variant="secondary" disabled={page <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>← Previous</Button>
          <span aria-current="page">Page {page}</span>
          <Button size="sm" variant="secondary" disabled={!list.data?.nextCursor} onClick={() => list.data?.nextCursor && setCursors((c) => [...c, list.data!.nextCursor!])}>Next →</Button>
        </nav>
      )}
    </div>
  );
}

type Row = { id: string; status: Status; attempts: number };

/** Queued or running, or retried from the dashboard and no later attempt has settled yet. */
function inProgress(p: Row, retrying: Map<string, number>) {
  if (p.status === "QUEUED" || p.status === "RUNNING") return true;
  const at = retrying.get(p.id);
  return at !== undefined && p.status === "FAILED" && p.attempts <= at;
}

function without(m: Map<string, number>, id: string) {
  const n = new Map(m);
  n.delete(id);
  return n;
}
