"use client";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { Button, Card, ErrorMessage, TextField } from "@/components/ui";
import type { WeightItem } from "./types";
import { useEditLock } from "@/components/admin/role-context";

function WeightRow({ w }: { w: WeightItem }) {
  const lock = useEditLock();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [value, setValue] = useState(String(w.value));
  const [error, setError] = useState<string | null>(null);
  const save = useMutation(
    trpc.ideas.setWeight.mutationOptions({
      onSuccess: () => qc.invalidateQueries({ queryKey: trpc.ideas.weights.queryKey() }),
      onError: (e) => setError(e.message),
    }),
  );
  function submit(ev: React.FormEvent) {
    ev.preventDefault();
    const n = Number(value);
    if (value.trim() === "" || !Number.isFinite(n)) return setError("Enter a number");
    if (n < w.min || n > w.max) return setError(`Must be between ${w.min} and ${w.max}`);
    setError(null);
    save.mutate({ key: w.key, value: n });
  }
  return (
    <form onSubmit={submit} className="flex items-end gap-2" noValidate>
      <div className="flex-1">
        <TextField label={w.key} type="number" step="any" min={w.min} max={w.max} value={value} error={error} hint={`${w.description} (default ${w.default})`} onChange={(e) => setValue(e.target.value)} />
      </div>
      <Button type="submit" size="sm" variant="secondary" busy={save.isPending} title={lock.title} disabled={lock.disabled || Number(value) === w.value}>Save</Button>
    </form>
  );
}

/** Scoring weights (stored per key, snapshotted into every breakdown). */
export function WeightsEditor() {
  const trpc = useTRPC();
  const q = useQuery(trpc.ideas.weights.queryOptions());
  return (
    <Card className="space-y-4">
      <div>
        <h2 className="font-semibold">Scoring weights</h2>
        <p className="text-sm text-zinc-600">The total is the weighted mean of the five factors. Changes apply to the next scoring run; old scores keep the weights they used.</p>
      </div>
      <ErrorMessage error={q.error} />
      {q.isLoading && <p className="text-sm text-zinc-500" role="status">Loading weights…</p>}
      <div className="grid gap-4 md:grid-cols-2">
        {q.data?.map((w) => <WeightRow key={`${w.key}:${w.value}`} w={w} />)}
      </div>
    </Card>
  );
}
