"use client";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { Button, ErrorMessage, StatusBadge } from "@/components/ui";
import { useEditLock } from "@/components/admin/role-context";

type Summary = { read: number; new: number; updated: number; rejected: Record<string, number> };

/** Queues an ingest of the Reddit source and follows its JobRun row until it finishes. */
export function RunIngestButton() {
  const lock = useEditLock();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [jobRunId, setJobRunId] = useState<string | null>(null);
  const start = useMutation(trpc.signals.ingestNow.mutationOptions({ onSuccess: (r) => setJobRunId(r.jobRunId) }));
  const run = useQuery({
    ...trpc.signals.ingestRun.queryOptions({ jobRunId: jobRunId ?? "ingest-none" }),
    enabled: !!jobRunId,
    refetchInterval: (q) => {
      const state = q.state.data?.state;
      if (state === "DONE" || state === "FAILED") {
        void qc.invalidateQueries({ queryKey: trpc.signals.list.queryKey() });
        return false;
      }
      return 1_500;
    },
  });
  const state = run.data?.state;
  const finished = state === "DONE" || state === "FAILED";
  const result = run.data?.run?.result as Summary | null | undefined;
  const rejected = result ? Object.values(result.rejected).reduce((a, b) => a + b, 0) : 0;

  return (
    <div className="flex flex-col items-end gap-1">
      <Button {...lock} busy={start.isPending || (!!jobRunId && !finished)} onClick={() => start.mutate({ sourceKey: "reddit" })}>
        Run ingest now
      </Button>
      {jobRunId && (
        <p className="flex items-center gap-2 text-xs text-zinc-600" role="status" aria-live="polite">
          <StatusBadge status={state ?? "QUEUED"} />
          {state === "QUEUED" && (run.data?.queueState === "waiting" || run.data?.queueState === "prioritized" ? "waiting for a worker…" : `queue: ${run.data?.queueState ?? "…"}`)}
          {state === "RUNNING" && "reading subreddits…"}
          {state === "DONE" && result && `${result.read} read · ${result.new} new · ${result.updated} updated · ${rejected} rejected`}
          {state === "FAILED" && (run.data?.run?.error ?? "the ingest failed; it will be retried")}
          {state === "UNKNOWN" && "the job is no longer in the queue"}
        </p>
      )}
      <ErrorMessage error={start.error ?? run.error} />
    </div>
  );
}
