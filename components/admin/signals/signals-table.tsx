"use client";
import { useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { Button, EmptyState, ErrorMessage, SelectField, StatusBadge, TextField } from "@/components/ui";
import { timeAgo } from "@/lib/format";

const STATUSES = ["NEW", "SCORED", "IDEATED", "REJECTED"] as const;
type Status = (typeof STATUSES)[number];
const PAGE = 25;
const FACTORS = [
  ["freshness", "Fresh"],
  ["engagement", "Engage"],
  ["novelty", "Novel"],
  ["communityFit", "Fit"],
  ["seasonality", "Season"],
  ["total", "Total"],
] as const;

/** The signal stream: filters, cursor pages, status and reject reason, score breakdown when scored. */
export function SignalsTable() {
  const trpc = useTRPC();
  const [status, setStatus] = useState<Status | "">("");
  const [community, setCommunity] = useState("");
  const [source, setSource] = useState("");
  const [search, setSearch] = useState("");
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const list = useQuery({
    ...trpc.signals.list.queryOptions({
      status: status || undefined,
      community: community.trim() || undefined,
      source: source.trim() || undefined,
      search: search.trim() || undefined,
      cursor,
      take: PAGE,
    }),
    placeholderData: keepPreviousData,
    refetchInterval: cursors.length === 1 ? 10_000 : false,
  });
  const reset = () => setCursors([undefined]);
  const items = list.data?.items ?? [];
  const anyScored = items.some((s) => s.breakdown);
  const filtered = !!(status || community || source || search);

  return (
    <section aria-labelledby="signals-heading" className="space-y-4">
      <h2 id="signals-heading" className="sr-only">Signal stream</h2>
      <form className="flex flex-wrap items-end gap-3" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="w-40">
          <SelectField label="Status" value={status} onChange={(e) => { setStatus(e.target.value as Status | ""); reset(); }}>
            <option value="">All</option>
            {STATUSES.map((s) => <option key={s} value={s}>{s.toLowerCase()}</option>)}
          </SelectField>
        </div>
        <div className="w-44">
          <TextField label="Subreddit / feed" placeholder="e.g. cats" value={community} onChange={(e) => { setCommunity(e.target.value); reset(); }} />
        </div>
        <div className="w-40">
          <TextField label="Source" placeholder="reddit, csv, rss:…" value={source} onChange={(e) => { setSource(e.target.value); reset(); }} />
        </div>
        <div className="min-w-52 flex-1">
          <TextField label="Search title or text" type="search" value={search} onChange={(e) => { setSearch(e.target.value); reset(); }} />
        </div>
      </form>
      <ErrorMessage error={list.error} />

      {list.isLoading ? (
        <p className="text-sm text-zinc-500" role="status">Loading signals…</p>
      ) : items.length === 0 ? (
        <EmptyState title={filtered ? "No signals match these filters" : "No signals yet"}>
          {filtered
            ? "Clear a filter to see more."
            : "Signals are posts read from Reddit and other sources. Press “Run ingest now”, or run `npm run cli -- ingest reddit` on the server."}
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-zinc-200">
          <table className="min-w-full text-sm">
            <thead className="bg-zinc-50 text-left text-xs text-zinc-600">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">Post</th>
                <th scope="col" className="px-3 py-2 font-medium">Status</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Score</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Comments</th>
                <th scope="col" className="px-3 py-2 text-right font-medium" title="How many times the post was seen across listings and runs">Seen</th>
                {anyScored && FACTORS.map(([k, label]) => <th key={k} scope="col" className="px-2 py-2 text-right font-medium">{label}</th>)}
                <th scope="col" className="px-3 py-2 font-medium">Posted</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {items.map((s) => (
                <tr key={s.id} className="align-top">
                  <td className="max-w-md px-3 py-2">
                    {s.url ? (
                      <a href={s.url} target="_blank" rel="noreferrer noopener" className="font-medium text-zinc-900 hover:text-brand-700 hover:underline">{s.title}</a>
                    ) : (
                      <span className="font-medium">{s.title}</span>
                    )}
                    <div className="mt-0.5 text-xs text-zinc-500">
                      {s.community ? `r/${s.community}` : "—"} · {s.sourceKey}
                      {s.keywords.length > 0 && <> · {s.keywords.slice(0, 5).join(", ")}</>}
                    </div>
                  </td>
                  <td className="px-3 py-2">
                    <StatusBadge status={s.status} />
                    {s.rejectReason && <div className="mt-1 text-xs text-red-700">{s.rejectReason}</div>}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{s.score}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{s.comments}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{s.seenCount}</td>
                  {anyScored &&
                    FACTORS.map(([k]) => (
                      <td key={k} className={`px-2 py-2 text-right tabular-nums ${k === "total" ? "font-semibold" : "text-zinc-600"}`}>
                        {s.breakdown ? s.breakdown[k].toFixed(2) : "—"}
                      </td>
                    ))}
                  <td className="whitespace-nowrap px-3 py-2 text-xs text-zinc-600" title={new Date(s.postedAt).toISOString()}>{timeAgo(s.postedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <nav aria-label="Pages" className="flex items-center justify-between">
        <Button variant="secondary" size="sm" disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>← Newer</Button>
        <span className="text-xs text-zinc-500">Page {cursors.length}</span>
        <Button variant="secondary" size="sm" disabled={!list.data?.nextCursor} onClick={() => setCursors((c) => [...c, list.data!.nextCursor!])}>Older →</Button>
      </nav>
    </section>
  );
}
