"use client";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { Badge, ConfirmButton, EmptyState, ErrorMessage } from "@/components/ui";
import { useEditLock } from "@/components/admin/role-context";

const SORTS = ["HOT", "NEW", "TOP", "RISING"] as const;
type Sort = (typeof SORTS)[number];

/** The subreddits the Reddit source reads: enable/disable, sort, limit, delete (after confirming). */
export function SubredditsTable() {
  const lock = useEditLock();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const list = useQuery(trpc.subreddits.list.queryOptions());
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.subreddits.list.queryKey() });
  const setEnabled = useMutation(trpc.subreddits.setEnabled.mutationOptions({ onSuccess: refresh }));
  const update = useMutation(trpc.subreddits.update.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.subreddits.remove.mutationOptions({ onSuccess: refresh }));
  const [limits, setLimits] = useState<Record<string, string>>({});
  const rows = list.data ?? [];

  if (list.isLoading) return <p className="text-sm text-zinc-500" role="status">Loading subreddits…</p>;
  return (
    <section aria-labelledby="subs-heading" className="space-y-3">
      <h2 id="subs-heading" className="text-base font-semibold">
        Subreddits <span className="font-normal text-zinc-500">({rows.filter((r) => r.enabled).length} of {rows.length} enabled)</span>
      </h2>
      <ErrorMessage error={list.error ?? setEnabled.error ?? update.error ?? remove.error} />
      {rows.length === 0 ? (
        <EmptyState title="No subreddits yet">Add one above, or run the seed (npm run db:seed) for ~50 popular communities.</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-zinc-200">
          <table className="min-w-full text-sm">
            <thead className="bg-zinc-50 text-left text-xs text-zinc-600">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">Enabled</th>
                <th scope="col" className="px-3 py-2 font-medium">Subreddit</th>
                <th scope="col" className="px-3 py-2 font-medium">Sort</th>
                <th scope="col" className="px-3 py-2 font-medium">Posts per run</th>
                <th scope="col" className="px-3 py-2 font-medium">Style hint</th>
                <th scope="col" className="px-3 py-2 font-medium"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {rows.map((s) => {
                const limitValue = limits[s.id] ?? String(s.limit);
                const limitNum = Number(limitValue);
                const limitInvalid = !Number.isInteger(limitNum) || limitNum < 1 || limitNum > 100;
                return (
                  <tr key={s.id} className={s.enabled ? "" : "text-zinc-400"}>
                    <td className="px-3 py-2">
                      <input
                        type="checkbox"
                        aria-label={`Read r/${s.name}`}
                        checked={s.enabled}
                        disabled={lock.disabled || setEnabled.isPending}
                        onChange={(e) => setEnabled.mutate({ id: s.id, enabled: e.target.checked })}
                        className="size-4 rounded border-zinc-300"
                      />
                    </td>
                    <td className="px-3 py-2 font-medium">
                      <a href={`https://www.reddit.com/r/${s.name}/`} target="_blank" rel="noreferrer noopener" className="hover:underline">r/{s.name}</a>
                      {s.nsfw && <Badge tone="danger" className="ml-2">nsfw · rejected</Badge>}
                    </td>
                    <td className="px-3 py-2">
                      <select
                        aria-label={`Sort for r/${s.name}`}
                        disabled={lock.disabled}
                        value={s.sort}
                        onChange={(e) => update.mutate({ id: s.id, sort: e.target.value as Sort })}
                        className="rounded-md bg-white px-2 py-1 text-sm ring-1 ring-zinc-300"
                      >
                        {SORTS.map((o) => <option key={o} value={o}>{o.toLowerCase()}</option>)}
                      </select>
                    </td>
                    <td className="px-3 py-2">
                      <input
                        type="number"
                        min={1}
                        max={100}
                        aria-label={`Posts per run for r/${s.name}`}
                        disabled={lock.disabled}
                        aria-invalid={limitInvalid}
                        value={limitValue}
                        onChange={(e) => setLimits((l) => ({ ...l, [s.id]: e.target.value }))}
                        onBlur={() => {
                          if (!limitInvalid && limitNum !== s.limit) update.mutate({ id: s.id, limit: limitNum });
                        }}
                        className="w-20 rounded-md px-2 py-1 text-sm ring-1 ring-zinc-300 aria-[invalid=true]:ring-red-500"
                      />
                      {limitInvalid && <p className="text-xs text-red-600" role="alert">1–100</p>}
                    </td>
                    <td className="max-w-xs truncate px-3 py-2 text-xs text-zinc-600" title={s.style ?? ""}>{s.style ?? "—"}</td>
                    <td className="px-3 py-2 text-right">
                      <ConfirmButton size="sm" {...lock} prompt={`Delete r/${s.name}?`} confirmLabel="Delete" busy={remove.isPending && remove.variables?.id === s.id} onConfirm={() => remove.mutate({ id: s.id, confirm: true })}>
                        Delete
                      </ConfirmButton>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
