"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { Button, ErrorMessage } from "@/components/ui";
import { useEditLock } from "@/components/admin/role-context";

function useRefreshing<T>(opts: { onSuccess?: (v: T) => void } = {}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return { error, setError, handlers: { onSuccess: (v: T) => { setError(null); opts.onSuccess?.(v); router.refresh(); }, onError: (e: { message: string }) => setError(e.message) } };
}

/** Apply / reject a proposed weight change, or roll an applied one back. */
export function ProposalActions({ id, status }: { id: string; status: string }) {
  const trpc = useTRPC();
  const lock = useEditLock();
  const r = useRefreshing();
  const apply = useMutation(trpc.growth.applyProposal.mutationOptions(r.handlers));
  const reject = useMutation(trpc.growth.rejectProposal.mutationOptions(r.handlers));
  const rollback = useMutation(trpc.growth.rollbackProposal.mutationOptions(r.handlers));
  return (
    <div className="flex gap-2">
      {status === "PROPOSED" && <Button size="sm" onClick={() => apply.mutate({ id })} disabled={apply.isPending || lock.disabled} title={lock.title}>Apply</Button>}
      {status === "PROPOSED" && <Button size="sm" variant="secondary" onClick={() => reject.mutate({ id })} disabled={reject.isPending || lock.disabled} title={lock.title}>Reject</Button>}
      {status === "APPLIED" && <Button size="sm" variant="secondary" onClick={() => rollback.mutate({ id })} disabled={rollback.isPending || lock.disabled} title={lock.title}>Roll back</Button>}
      <ErrorMessage error={r.error ? { message: r.error } : null} />
    </div>
  );
}

export function BudgetForm() {
  const trpc = useTRPC();
  const lock = useEditLock();
  const r = useRefreshing();
  const save = useMutation(trpc.growth.setBudget.mutationOptions(r.handlers));
  const [provider, setProvider] = useState("total");
  const [period, setPeriod] = useState<"DAILY" | "MONTHLY">("DAILY");
  const [cap, setCap] = useState("");
  return (
    <form
      className="flex flex-wrap items-end gap-2 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        const dollars = Number(cap);
        if (!cap.trim() || !Number.isFinite(dollars) || dollars < 0) return r.setError("Enter the cap in dollars");
        save.mutate({ provider: provider.trim().toLowerCase(), period, capCents: Math.round(dollars * 100) });
      }}
    >
      <label className="flex flex-col">Provider<input aria-label="Budget provider" value={provider} onChange={(e) => setProvider(e.target.value)} className="rounded border border-zinc-300 px-2 py-1" placeholder="total, openai, sdxl…" /></label>
      <label className="flex flex-col">Period
        <select aria-label="Budget period" value={period} onChange={(e) => setPeriod(e.target.value as "DAILY" | "MONTHLY")} className="rounded border border-zinc-300 px-2 py-1"><option value="DAILY">Daily</option><option value="MONTHLY">Monthly</option></select>
      </label>
      <label className="flex flex-col">Cap (USD)<input aria-label="Budget cap" value={cap} onChange={(e) => setCap(e.target.value)} inputMode="decimal" className="w-28 rounded border border-zinc-300 px-2 py-1" /></label>
      <Button size="sm" type="submit" disabled={save.isPending || lock.disabled} title={lock.title}>Save cap</Button>
      <ErrorMessage error={r.error ? { message: r.error } : null} />
    </form>
  );
}

export function PriceForm({ priceKey, unit, microsPerUnit, fixedMicros, note }: { priceKey: string; unit: string; microsPerUnit: number; fixedMicros: number; note: string }) {
  const trpc = useTRPC();
  const lock = useEditLock();
  const r = useRefreshing();
  const save = useMutation(trpc.growth.setPrice.mutationOptions(r.handlers));
  const [value, setValue] = useState(String(microsPerUnit));
  return (
    <form className="flex items-center gap-2" onSubmit={(e) => { e.preventDefault(); const n = Number(value); if (!Number.isFinite(n) || n < 0) return r.setError("Enter a number ≥ 0"); save.mutate({ key: priceKey, unit, microsPerUnit: n, fixedMicros, note }); }}>
      <input aria-label={`Price of ${priceKey}`} value={value} onChange={(e) => setValue(e.target.value)} className="w-28 rounded border border-zinc-300 px-2 py-0.5" />
      <Button size="sm" variant="secondary" type="submit" disabled={save.isPending || lock.disabled} title={lock.title}>Save</Button>
      <ErrorMessage error={r.error ? { message: r.error } : null} />
    </form>
  );
}

export function ImportForm() {
  const trpc = useTRPC();
  const lock = useEditLock();
  const [result, setResult] = useState<string | null>(null);
  const r = useRefreshing<{ rows?: number; added: number; duplicateFile?: boolean; orders?: number }>({
    onSuccess: (v) => setResult(v.duplicateFile ? "This file was imported before: nothing added." : `${v.added} events added${v.rows !== undefined ? ` from ${v.rows} lines` : ` from ${v.orders} orders`}.`),
  });
  const csv = useMutation(trpc.growth.importCsv.mutationOptions(r.handlers));
  const printful = useMutation(trpc.growth.importPrintful.mutationOptions(r.handlers));
  const [format, setFormat] = useState<"zazzle" | "generic">("zazzle");
  return (
    <div className="space-y-2 text-sm">
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col">Format
          <select aria-label="Import format" value={format} onChange={(e) => setFormat(e.target.value as "zazzle" | "generic")} className="rounded border border-zinc-300 px-2 py-1"><option value="zazzle">Zazzle referral/royalty report</option><option value="generic">Generic CSV</option></select>
        </label>
        <input aria-label="CSV file" type="file" accept=".csv,text/csv" onChange={async (e) => { const f = e.target.files?.[0]; if (!f) return; setResult(null); csv.mutate({ format, text: await f.text(), fileName: f.name }); e.target.value = ""; }} />
        <Button size="sm" variant="secondary" onClick={() => { setResult(null); printful.mutate(); }} disabled={printful.isPending || lock.disabled} title={lock.title}>Import Printful orders</Button>
      </div>
      {result && <p className="text-green-700" role="status">{result}</p>}
      <ErrorMessage error={r.error ? { message: r.error } : null} />
    </div>
  );
}
