"use client";
import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { Badge, Button, Card, ConfirmButton, ErrorMessage, StatusBadge } from "@/components/ui";
import { timeAgo } from "@/lib/format";
import { BreakdownBars } from "./breakdown-bars";
import { DesignStatus, DesignSummary, isActive } from "./design-status";
import { IdeaEditForm } from "./idea-edit-form";
import type { IdeaItem } from "./types";
import { useEditLock } from "@/components/admin/role-context";

export function IdeaCard({ idea, selected, onSelect }: { idea: IdeaItem; selected: boolean; onSelect: (on: boolean) => void }) {
  const lock = useEditLock();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.ideas.list.queryKey() });
  const approve = useMutation(
    trpc.ideas.approve.mutationOptions({
      onSuccess: async () => {
        await qc.invalidateQueries({ queryKey: trpc.ideas.designStatus.queryKey({ ideaId: idea.id }) });
        await refresh();
      },
    }),
  );
  const reject = useMutation(trpc.ideas.reject.mutationOptions({ onSuccess: refresh }));
  const s = idea.signal;
  const editable = idea.status === "NEW" || idea.status === "APPROVED";
  const latest = idea.designs[0];
  // Poll only while a design is under way (or was just queued); otherwise show the listed state.
  const polling = approve.isSuccess || isActive(latest?.status);

  return (
    <Card className="space-y-3">
      <div className="flex items-start gap-3">
        <input
          type="checkbox"
          className="mt-1.5"
          aria-label={`Select ${idea.title}`}
          checked={selected}
          disabled={lock.disabled || idea.status !== "NEW"}
          onChange={(e) => onSelect(e.target.checked)}
        />
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2">
            <h2 className="font-semibold">{idea.title}</h2>
            <StatusBadge status={idea.status} />
            <Badge tone="brand">score {idea.score.toFixed(2)}</Badge>
          </div>
          <p className="text-sm text-zinc-600">
            {idea.theme} · {idea.productTypes.join(", ")} · <span className="text-zinc-400">{idea.writer} ({idea.promptVersion})</span>
          </p>
          <p className="mt-1 text-xs text-zinc-500">
            From r/{s.community ?? "?"}:{" "}
            {s.url ? <a className="underline hover:text-brand-700" href={s.url} target="_blank" rel="noreferrer">{s.title}</a> : s.title} · {s.score} points · {s.comments} comments · {timeAgo(s.postedAt)}
          </p>
        </div>
      </div>

      <div className="grid gap-4 md:grid-cols-2">
        <BreakdownBars breakdown={s.breakdown} />
        <details className="text-sm">
          <summary className="cursor-pointer text-zinc-600">Image prompt</summary>
          <p className="mt-1 whitespace-pre-wrap text-zinc-700">{idea.imagePrompt}</p>
        </details>
      </div>

      {editing ? (
        <IdeaEditForm idea={idea} onDone={() => setEditing(false)} />
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          {idea.status === "NEW" && (
            <>
              <Button size="sm" {...lock} busy={approve.isPending} onClick={() => approve.mutate({ ideaId: idea.id })}>Approve</Button>
              <ConfirmButton size="sm" {...lock} busy={reject.isPending} prompt="Reject this idea?" confirmLabel="Reject" onConfirm={() => reject.mutate({ ideaId: idea.id })}>
                Reject
              </ConfirmButton>
            </>
          )}
          {editable && <Button size="sm" variant="secondary" {...lock} onClick={() => setEditing(true)}>Edit</Button>}
          {idea.reviewNote && <span className="text-xs text-zinc-500">Note: {idea.reviewNote}</span>}
        </div>
      )}
      <ErrorMessage error={approve.error ?? reject.error} />
      {polling ? <DesignStatus ideaId={idea.id} /> : latest ? <DesignSummary design={latest} /> : null}
    </Card>
  );
}
