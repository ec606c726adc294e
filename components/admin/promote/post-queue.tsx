"use client";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { Badge, Button, Card, EmptyState, ErrorMessage, SelectField, StatusBadge, TextArea } from "@/components/ui";
import { platformLabel, PROMO_POST_STATUSES, type PromoPostStatusName } from "@/lib/promote";
import type { PromoPostItem } from "./types";
import { useEditLock } from "@/components/admin/role-context";

const when = (d: Date | string | null, timeZone: string) =>
  d ? new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(d)) + ` (${timeZone})` : "—";

/** The approval queue and the record of every promo post: bulk approve, edit, reject; polls for progress. */
export function PostQueue() {
  const trpc = useTRPC();
  const lock = useEditLock();
  const qc = useQueryClient();
  const [status, setStatus] = useState<PromoPostStatusName | "">("DRAFT");
  const [accountId, setAccountId] = useState("");
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const accounts = useQuery(trpc.promote.accounts.queryOptions());
  const posts = useQuery({ ...trpc.promote.posts.queryOptions({ status: status || undefined, accountId: accountId || undefined, take: 50 }), refetchInterval: 2000 });
  const refresh = async () => {
    setSelected(new Set());
    await qc.invalidateQueries({ queryKey: trpc.promote.posts.queryKey() });
  };
  const approve = useMutation(trpc.promote.approve.mutationOptions({ onSuccess: refresh }));
  const reject = useMutation(trpc.promote.reject.mutationOptions({ onSuccess: refresh }));
  const items = posts.data?.items ?? [];
  const drafts = items.filter((p) => p.status === "DRAFT");
  const toggle = (id: string) => setSelected((s) => { const n = new Set(s); if (n.has(id)) n.delete(id); else n.add(id); return n; });

  return (
    <div className="space-y-4">
      <Card className="flex flex-wrap items-end gap-4">
        <div className="w-44">
          <SelectField label="Status" value={status} onChange={(e) => { setStatus(e.target.value as PromoPostStatusName | ""); setSelected(new Set()); }}>
            <option value="">All statuses</option>
            {PROMO_POST_STATUSES.map((s) => <option key={s} value={s}>{s.toLowerCase()}</option>)}
          </SelectField>
        </div>
        <div className="w-56">
          <SelectField label="Account" value={accountId} onChange={(e) => setAccountId(e.target.value)}>
            <option value="">All accounts</option>
            {accounts.data?.map((a) => <option key={a.id} value={a.id}>{a.handle} ({platformLabel[a.platform]})</option>)}
          </SelectField>
        </div>
        {drafts.length > 0 && (
          <div className="flex gap-2">
            <Button variant="secondary" size="sm" onClick={() => setSelected(new Set(drafts.map((d) => d.id)))}>Select all drafts</Button>
            <Button size="sm" disabled={!selected.size || lock.disabled} title={lock.title} busy={approve.isPending} onClick={() => approve.mutate({ postIds: [...selected] })}>Approve selected ({selected.size})</Button>
            <Button size="sm" variant="danger" disabled={!selected.size || lock.disabled} title={lock.title} busy={reject.isPending} onClick={() => reject.mutate({ postIds: [...selected] })}>Reject selected</Button>
          </div>
        )}
      </Card>
      <ErrorMessage error={posts.error ?? approve.error ?? reject.error} />
      {posts.isLoading && <p className="text-sm text-zinc-500">Loading posts…</p>}
      {posts.isSuccess && !items.length && (
        <EmptyState title={status === "DRAFT" ? "No drafts waiting for approval" : "No posts match these filters"}>
          Drafts appear here when a product is published (or a commission completes with the shopper’s opt-in).
        </EmptyState>
      )}
      <ul className="space-y-3" aria-label="Promo posts">
        {items.map((p) => <PostRow key={p.id} p={p} checked={selected.has(p.id)} onToggle={() => toggle(p.id)} onChanged={refresh} />)}
      </ul>
    </div>
  );
}

function PostRow({ p, checked, onToggle, onChanged }: { p: PromoPostItem; checked: boolean; onToggle: () => void; onChanged: () => void }) {
  const trpc = useTRPC();
  const lock = useEditLock();
  const [editing, setEditing] = useState(false);
  const [body, setBody] = useState(p.body);
  const edit = useMutation(trpc.promote.edit.mutationOptions({ onSuccess: () => { setEditing(false); onChanged(); } }));
  const approve = useMutation(trpc.promote.approve.mutationOptions({ onSuccess: onChanged }));
  const reject = useMutation(trpc.promote.reject.mutationOptions({ onSuccess: onChanged }));
  const label = p.title ?? p.body.slice(0, 60);
  const editable = ["DRAFT", "BLOCKED", "SCHEDULED"].includes(p.status);
  return (
    <li>
      <Card className="space-y-2">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div className="flex items-start gap-3">
            {p.status === "DRAFT" && <input type="checkbox" className="mt-1 size-4" aria-label={`Select ${label}`} checked={checked} onChange={onToggle} />}
            <div>
              <p className="text-sm font-medium">{p.account.handle} <span className="text-xs text-zinc-500">· {platformLabel[p.account.platform]} · {p.kind.toLowerCase()}{p.community ? ` · r/${p.community}` : ""} · by {p.writer}</span></p>
              {p.kind === "REPLY" && p.title && <p className="text-xs text-zinc-500">{p.title}</p>}
            </div>
          </div>
          <div className="flex items-center gap-2">
            {p.account.status === "NEEDS_RECONNECT" && <Badge tone="danger">account needs reconnect</Badge>}
            <StatusBadge status={p.status} />
          </div>
        </div>
        {editing ? (
          <form onSubmit={(e) => { e.preventDefault(); edit.mutate({ postId: p.id, body }); }} className="space-y-2">
            <TextArea label="Post text" rows={5} value={body} onChange={(e) => setBody(e.target.value)} />
            <div className="flex gap-2">
              <Button size="sm" type="submit" busy={edit.isPending} {...lock}>Save edit</Button>
              <Button size="sm" variant="ghost" type="button" onClick={() => { setEditing(false); setBody(p.body); }}>Cancel</Button>
            </div>
            <ErrorMessage error={edit.error} />
          </form>
        ) : (
          <p className="whitespace-pre-wrap rounded bg-zinc-50 p-2 text-sm" data-testid="post-body">{p.body}</p>
        )}
        {p.blockReason && <p className="text-xs text-red-700">Blocked by moderation: {p.blockReason}</p>}
        {p.waitReason && <p className="text-xs text-amber-800">{p.waitReason}</p>}
        {p.lastError && p.status !== "POSTED" && <p className="text-xs text-red-700">Last error: {p.lastError}</p>}
        <p className="text-xs text-zinc-600">
          {p.status === "POSTED" ? <>Posted {when(p.postedAt, p.account.timeZone)} · {p.likes} likes · {p.replies} replies · {p.reposts} reposts</> : p.scheduledAt ? <>Scheduled for {when(p.scheduledAt, p.account.timeZone)}</> : "Not scheduled"}
          {p.externalUrl && <> · <a className="text-brand-700 underline" href={p.externalUrl} target="_blank" rel="noopener noreferrer">View post</a></>}
        </p>
        <div className="flex flex-wrap gap-2">
          {p.status === "DRAFT" && <Button size="sm" busy={approve.isPending} {...lock} onClick={() => approve.mutate({ postIds: [p.id] })} aria-label={`Approve ${label}`}>Approve</Button>}
          {editable && !editing && <Button size="sm" variant="secondary" onClick={() => setEditing(true)} aria-label={`Edit ${label}`}>Edit</Button>}
          {editable && <Button size="sm" variant="ghost" busy={reject.isPending} {...lock} onClick={() => reject.mutate({ postIds: [p.id] })} aria-label={`Reject ${label}`}>Reject</Button>}
          <a className="self-center text-xs text-brand-700 underline" href={`/admin/promote/audit?postId=${p.id}`}>Audit trail</a>
        </div>
        <ErrorMessage error={approve.error ?? reject.error} />
      </Card>
    </li>
  );
}
