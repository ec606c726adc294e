"use client";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Card, EmptyState, ErrorMessage, SelectField, TextField } from "@/components/ui";
import { useTRPC } from "@/lib/trpc";
import { useEditLock } from "@/components/admin/role-context";

type CommissionType = "POST" | "SUBREDDIT" | "SURPRISE";
type Quality = "standard" | "high" | "ultra";
type Tier = { id: string; name: string; priceCents: number; allowedTypes: CommissionType[]; imageQuality: string; productTypeCount: number; priority: number; description: string; active: boolean };
const TYPES: CommissionType[] = ["POST", "SUBREDDIT", "SURPRISE"];

function TierRow({ tier, onSaved }: { tier: Tier; onSaved: () => void }) {
  const lock = useEditLock();
  const trpc = useTRPC();
  const save = useMutation(trpc.commissions.updateTier.mutationOptions({ onSuccess: onSaved }));
  const [form, setForm] = useState({ ...tier, price: (tier.priceCents / 100).toFixed(2) });
  const set = <K extends keyof typeof form>(k: K, v: (typeof form)[K]) => setForm((f) => ({ ...f, [k]: v }));
  return (
    <Card>
      <form
        aria-label={`Tier ${tier.name}`}
        className="grid gap-3 md:grid-cols-4"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({
            id: tier.id, name: form.name, priceCents: Math.round(Number(form.price) * 100), allowedTypes: form.allowedTypes,
            imageQuality: form.imageQuality as Quality, productTypeCount: Number(form.productTypeCount), priority: Number(form.priority), description: form.description, active: form.active,
          });
        }}
      >
        <TextField label="Name" value={form.name} onChange={(e) => set("name", e.target.value)} />
        <TextField label="Price (USD)" inputMode="decimal" value={form.price} onChange={(e) => set("price", e.target.value)} />
        <SelectField label="Image quality" value={form.imageQuality} onChange={(e) => set("imageQuality", e.target.value)}>
          <option value="standard">standard</option><option value="high">high</option><option value="ultra">ultra</option>
        </SelectField>
        <TextField label="Product types" type="number" min={1} max={4} value={form.productTypeCount} onChange={(e) => set("productTypeCount", Number(e.target.value))} />
        <TextField label="Priority (1 runs first)" type="number" min={1} max={100} value={form.priority} onChange={(e) => set("priority", Number(e.target.value))} />
        <fieldset className="md:col-span-2">
          <legend className="text-sm font-medium">Allowed types</legend>
          <div className="mt-2 flex gap-4 text-sm">
            {TYPES.map((t) => (
              <label key={t} className="flex items-center gap-1">
                <input type="checkbox" checked={form.allowedTypes.includes(t)} onChange={(e) => set("allowedTypes", e.target.checked ? [...form.allowedTypes, t] : form.allowedTypes.filter((x) => x !== t))} />
                {t.toLowerCase()}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="flex items-center gap-2 self-end text-sm"><input type="checkbox" checked={form.active} onChange={(e) => set("active", e.target.checked)} /> Active</label>
        <div className="md:col-span-3"><TextField label="Description" value={form.description} onChange={(e) => set("description", e.target.value)} /></div>
        <div className="flex items-end gap-2">
          <Button type="submit" busy={save.isPending} {...lock}>Save</Button>
          {save.isSuccess && <span role="status" className="text-sm text-green-700">Saved</span>}
        </div>
        <div className="md:col-span-4"><ErrorMessage error={save.error} /></div>
      </form>
    </Card>
  );
}

export function TierEditor() {
  const lock = useEditLock();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const tiers = useQuery(trpc.commissions.allTiers.queryOptions());
  const review = useQuery(trpc.commissions.reviewSetting.queryOptions());
  const setReview = useMutation(trpc.commissions.setReviewSetting.mutationOptions({ onSuccess: () => qc.invalidateQueries({ queryKey: trpc.commissions.reviewSetting.queryKey() }) }));
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.commissions.allTiers.queryKey() });
  return (
    <div className="space-y-4">
      <Card className="flex items-center justify-between gap-4">
        <div>
          <p className="font-medium">Review before publishing</p>
          <p className="text-sm text-zinc-600">When on, paid commissions stop after the idea is written until an admin approves (rejecting refunds the shopper).</p>
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={review.data?.commissionReview ?? false} disabled={lock.disabled || !review.data || setReview.isPending} onChange={(e) => setReview.mutate({ commissionReview: e.target.checked })} />
          Review commissions
        </label>
      </Card>
      <ErrorMessage error={tiers.error ?? setReview.error} />
      {tiers.isLoading && <p className="text-sm text-zinc-500">Loading tiers…</p>}
      {tiers.data?.length === 0 && <EmptyState title="No tiers">Run the seed to create the default tiers.</EmptyState>}
      {tiers.data?.map((t) => <TierRow key={`${t.id}:${t.updatedAt.toString()}`} tier={t as Tier} onSaved={refresh} />)}
    </div>
  );
}
