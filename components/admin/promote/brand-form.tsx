"use client";
import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { Button, ErrorMessage, TextField } from "@/components/ui";
import { useEditLock } from "@/components/admin/role-context";

/** A brand: a client of the operator with its own drafting caps and post budget. */
export function BrandForm() {
  const trpc = useTRPC();
  const lock = useEditLock();
  const qc = useQueryClient();
  const [name, setName] = useState("");
  const [daily, setDaily] = useState("1.00");
  const [monthly, setMonthly] = useState("20.00");
  const create = useMutation(
    trpc.promote.createBrand.mutationOptions({
      onSuccess: async () => {
        setName("");
        await qc.invalidateQueries({ queryKey: trpc.promote.brands.queryKey() });
      },
    }),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ name, dailyCapCents: Math.round(Number(daily) * 100), monthlyCapCents: Math.round(Number(monthly) * 100) });
  };
  return (
    <form onSubmit={submit} className="grid gap-3 rounded-lg bg-white p-4 ring-1 ring-zinc-200 sm:grid-cols-4" aria-labelledby="brand-heading" noValidate>
      <h2 id="brand-heading" className="text-base font-semibold sm:col-span-4">Add a brand</h2>
      <TextField label="Brand name" value={name} onChange={(e) => setName(e.target.value)} required />
      <TextField label="Daily drafting cap ($)" type="number" min={0} step="0.01" value={daily} onChange={(e) => setDaily(e.target.value)} />
      <TextField label="Monthly drafting cap ($)" type="number" min={0} step="0.01" value={monthly} onChange={(e) => setMonthly(e.target.value)} />
      <div className="flex items-end justify-end">
        <Button type="submit" busy={create.isPending} disabled={!name.trim() || lock.disabled} title={lock.title}>Add brand</Button>
      </div>
      <div className="sm:col-span-4"><ErrorMessage error={create.error} /></div>
    </form>
  );
}
