"use client";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { ErrorMessage, Progress, StatusBadge } from "@/components/ui";

type DesignView = { status: string; stage: string | null; progress: number; error: string | null; quality: string };

export const isActive = (status: string | undefined) => status === "QUEUED" || status === "RUNNING";

/** The idea's latest design, polled from the database while it is queued or running. */
export function DesignStatus({ ideaId }: { ideaId: string }) {
  const trpc = useTRPC();
  const q = useQuery({
    ...trpc.ideas.designStatus.queryOptions({ ideaId }),
    refetchInterval: (query) => (isActive(query.state.data?.status) ? 2_000 : false),
  });
  if (q.error) return <ErrorMessage error={q.error} />;
  return q.data ? <DesignSummary design={q.data} /> : null;
}

/** Status, stage and progress of one design (no polling). */
export function DesignSummary({ design: d }: { design: DesignView }) {
  return (
    <div className="space-y-1 rounded-md bg-zinc-50 p-2" aria-live="polite">
      <div className="flex items-center gap-2 text-xs">
        <span className="text-zinc-600">Design ({d.quality})</span>
        <StatusBadge status={d.status} />
        {d.stage && <span className="text-zinc-500">{d.stage}</span>}
      </div>
      {d.status !== "FAILED" && <Progress value={d.status === "DONE" ? 100 : d.progress} label={d.status === "QUEUED" ? "Waiting for a worker" : "Rendering"} />}
      {d.error && <p className="text-xs text-red-600">{d.error}</p>}
    </div>
  );
}
