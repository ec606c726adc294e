"use client";
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { Badge, Button, Card, ConfirmButton, ErrorMessage, StatusBadge, TextArea, TextField } from "@/components/ui";
import { money } from "@/lib/format";
import { useEditLock } from "@/components/admin/role-context";
import type { ReviewItem } from "./types";

const lines = (s: string) => s.split("\n").map((l) => l.trim()).filter(Boolean);
const commas = (s: string) => s.split(",").map((t) => t.trim()).filter(Boolean);

/** One listing under review: art and mockups beside its editable copy, approve or reject. */
export function ReviewCard({ item, selected, onSelect, onDone }: { item: ReviewItem; selected: boolean; onSelect: (on: boolean) => void; onDone: () => void }) {
  const trpc = useTRPC();
  const lock = useEditLock();
  const pending = item.reviewStatus === "PENDING";
  const [title, setTitle] = useState(item.title);
  const [description, setDescription] = useState(item.description);
  const [bullets, setBullets] = useState(item.bullets.join("\n"));
  const [tags, setTags] = useState(item.tags.join(", "));
  const approve = useMutation(trpc.review.approve.mutationOptions({ onSuccess: onDone }));
  const reject = useMutation(trpc.review.reject.mutationOptions({ onSuccess: onDone }));
  const editable = pending && !lock.disabled;
  return (
    <Card className="space-y-3" role="article" aria-label={`Review: ${item.title}`}>
      <div className="flex flex-wrap items-center gap-2">
        {pending && (
          <input type="checkbox" aria-label={`Select ${item.title}`} checked={selected} disabled={lock.disabled} onChange={(e) => onSelect(e.target.checked)} />
        )}
        <h2 className="font-semibold">{item.title}</h2>
        {item.community && <Badge>r/{item.community}</Badge>}
        <span className="text-sm text-zinc-500">{money(item.priceCents, item.currency)}</span>
        {item.publications.map((p) => (
          <span key={p.marketplace} className="text-xs text-zinc-600">{p.marketplace.toLowerCase()}: <StatusBadge status={p.status} /></span>
        ))}
      </div>
      {item.reviewNote && <p role="note" className="rounded bg-amber-50 px-2 py-1 text-sm text-amber-900">{item.reviewNote}</p>}
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.3fr)]">
        <div className="space-y-2">
          {item.artUrl ? (
            <img src={item.artUrl} alt={`Art: ${item.title}`} className="aspect-square w-full rounded bg-[repeating-conic-gradient(#f4f4f5_0%_25%,#fff_0%_50%)] bg-[length:24px_24px] object-contain" />
          ) : (
            <p className="text-sm text-zinc-500">No art stored.</p>
          )}
          <ul className="grid grid-cols-4 gap-2" aria-label="Mockups">
            {item.mockups.map((m) => (
              <li key={m.productType}><img src={m.url} alt={`${m.productType} mockup`} className="aspect-square w-full rounded object-cover ring-1 ring-zinc-200" /></li>
            ))}
          </ul>
        </div>
        <form className="space-y-3" onSubmit={(e) => { e.preventDefault(); approve.mutate({ listingId: item.id, copy: { title, description, bullets: lines(bullets), tags: commas(tags) } }); }}>
          <TextField label="Title" value={title} maxLength={80} onChange={(e) => setTitle(e.target.value)} readOnly={!editable} />
          <TextArea label="Description" rows={4} value={description} onChange={(e) => setDescription(e.target.value)} readOnly={!editable} />
          <TextArea label="Bullets (one per line)" rows={3} value={bullets} onChange={(e) => setBullets(e.target.value)} readOnly={!editable} />
          <TextField label="Tags (comma-separated)" value={tags} onChange={(e) => setTags(e.target.value)} readOnly={!editable} />
          <ErrorMessage error={approve.error ?? reject.error} />
          {pending && (
            <div className="flex gap-2">
              <Button type="submit" size="sm" busy={approve.isPending} {...lock}>Approve and publish</Button>
              <ConfirmButton type="button" size="sm" {...lock} busy={reject.isPending} prompt="Reject: it goes to no marketplace still waiting?" confirmLabel="Reject" onConfirm={() => reject.mutate({ listingIds: [item.id] })}>
                Reject
              </ConfirmButton>
            </div>
          )}
        </form>
      </div>
    </Card>
  );
}
