"use client";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { Button, Card, EmptyState, ErrorMessage, StatusBadge } from "@/components/ui";
import { pendingJobs, timeAgo } from "@/lib/format";
import { useEditLock } from "@/components/admin/role-context";

const QUEUES = ["ingest", "score", "design", "publish", "commission", "payment", "refund", "fulfilment", "fulfilment-event", "local-fulfilment"] as const;
type QueueName = (typeof QUEUES)[number];

export function QueuesPanel() {
  const lock = useEditLock();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [selected, setSelected] = useState<QueueName>("design");
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const status = useQuery({ ...trpc.system.status.queryOptions(), refetchInterval: 3000 });
  const failed = useQuery({ ...trpc.system.failedJobs.queryOptions({ queue: selected, page: 0 }), refetchInterval: 5000 });
  const runs = useQuery({ ...trpc.system.jobRuns.queryOptions({ queue: selected, cursor: cursors[cursors.length - 1] }), refetchInterval: 5000 });
  const retry = useMutation(
    trpc.system.retryJob.mutationOptions({
      onSuccess: () => qc.invalidateQueries({ queryKey: trpc.system.failedJobs.queryKey() }),
    }),
  );

  return (
    <div className="space-y-6">
      <ErrorMessage error={status.error} />
      <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-7" role="tablist" aria-label="Queues">
        {QUEUES.map((q) => {
          const c = status.data?.queues?.[q];
          return (
            <button
              key={q}
              role="tab"
              aria-selected={selected === q}
              onClick={() => {
                setSelected(q);
                setCursors([undefined]);
              }}
              className={`rounded-lg p-3 text-left ring-1 ${selected === q ? "bg-brand-50 ring-brand-500" : "bg-white ring-zinc-200 hover:bg-zinc-50"}`}
            >
              <div className="text-sm font-medium">{q}</div>
              <div className="mt-1 text-xs text-zinc-600">
                {c ? `${pendingJobs(c)} waiting · ${c.active ?? 0} active · ${c.failed ?? 0} failed` : "…"}
              </div>
            </button>
          );
        })}
      </div>

      <Card>
        <h2 className="mb-3 font-medium">Failed jobs in {selected}</h2>
        <ErrorMessage error={failed.error ?? retry.error} />
        {failed.data?.length === 0 && <EmptyState title="No failed jobs">Jobs that fail all their attempts appear here.</EmptyState>}
        <ul className="divide-y divide-zinc-100">
          {failed.data?.map((j) => (
            <li key={j.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <div className="min-w-0">
                <p className="font-mono text-xs">{j.id}</p>
                <p className="text-red-700">{j.failedReason}</p>
                <p className="text-xs text-zinc-500">
                  {j.attemptsMade} attempts{j.finishedOn ? ` · ${timeAgo(j.finishedOn)}` : ""}
                </p>
              </div>
              <Button size="sm" variant="secondary" {...lock} busy={retry.isPending && retry.variables?.jobId === j.id} onClick={() => retry.mutate({ queue: selected, jobId: j.id })}>
                Retry
              </Button>
            </li>
          ))}
        </ul>
      </Card>

      <Card>
        <h2 className="mb-3 font-medium">Recent runs of {selected}</h2>
        {runs.data?.items.length === 0 && <EmptyState title="No runs yet" />}
        {!!runs.data?.items.length && (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead className="text-left text-zinc-500">
              <tr>
                <th className="py-1 font-normal">entity</th>
                <th className="font-normal">status</th>
                <th className="font-normal">attempts</th>
                <th className="font-normal">duration</th>
                <th className="font-normal">when</th>
                <th className="font-normal">error</th>
              </tr>
            </thead>
            <tbody>
              {runs.data?.items.map((r) => (
                <tr key={r.id} className="border-t border-zinc-100">
                  <td className="py-1 font-mono text-xs">{r.entityId}</td>
                  <td><StatusBadge status={r.status} /></td>
                  <td>{r.attempts}</td>
                  <td>{r.durationMs != null ? `${r.durationMs} ms` : "—"}</td>
                  <td>{timeAgo(r.createdAt)}</td>
                  <td className="max-w-xs truncate text-red-700" title={r.error ?? ""}>{r.error}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        )}
        <div className="mt-3 flex gap-2">
          <Button size="sm" variant="secondary" disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
            ← Newer
          </Button>
          <Button size="sm" variant="secondary" disabled={!runs.data?.nextCursor} onClick={() => setCursors((c) => [...c, runs.data!.nextCursor!])}>
            Older →
          </Button>
        </div>
      </Card>
    </div>
  );
}
