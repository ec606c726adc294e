"use client";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, ErrorMessage } from "@/components/ui";
import { money } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { useEditLock } from "@/components/admin/role-context";

const toCents = (s: string) => Math.round(Number(s) * 100);

/** Retail price, base cost and availability per catalogue variant; margin shown as you type. */
export function CatalogueEditor() {
  const trpc = useTRPC();
  const lock = useEditLock();
  const qc = useQueryClient();
  const list = useQuery(trpc.shop.catalogue.queryOptions());
  const update = useMutation(trpc.shop.updateVariant.mutationOptions({ onSuccess: () => qc.invalidateQueries({ queryKey: trpc.shop.catalogue.queryKey() }) }));
  const [draft, setDraft] = useState<Record<string, { retail?: string; base?: string }>>({});
  if (list.isLoading) return <p className="text-sm text-zinc-500">Loading…</p>;
  return (
    <div className="space-y-3">
      <ErrorMessage error={list.error ?? update.error} />
      <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-zinc-200">
        <table className="min-w-full text-sm">
          <thead className="bg-zinc-50 text-left text-xs uppercase text-zinc-500">
            <tr><th className="px-3 py-2">Type</th><th className="px-3 py-2">Colour</th><th className="px-3 py-2">Size</th><th className="px-3 py-2">Weight</th><th className="px-3 py-2">Base cost</th><th className="px-3 py-2">Retail</th><th className="px-3 py-2">Margin</th><th className="px-3 py-2">On sale</th><th className="px-3 py-2" /></tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {(list.data ?? []).map((v) => {
              const d = draft[v.id] ?? {};
              const retail = d.retail !== undefined ? toCents(d.retail) : v.retailCents;
              const base = d.base !== undefined ? toCents(d.base) : v.baseCostCents;
              const dirty = d.retail !== undefined || d.base !== undefined;
              const label = `${v.productType} ${v.colour} ${v.size}`;
              return (
                <tr key={v.id}>
                  <td className="px-3 py-2">{v.productType}</td>
                  <td className="px-3 py-2"><span className="mr-1 inline-block h-3 w-3 rounded-full ring-1 ring-zinc-300" style={{ backgroundColor: v.colourHex }} />{v.colour}</td>
                  <td className="px-3 py-2">{v.size}</td>
                  <td className="px-3 py-2">{v.weightGrams} g</td>
                  <td className="px-3 py-2"><input aria-label={`Base cost of ${label}`} className="w-20 rounded px-2 py-1 ring-1 ring-zinc-300" inputMode="decimal" value={d.base ?? (v.baseCostCents / 100).toFixed(2)} onChange={(e) => setDraft({ ...draft, [v.id]: { ...d, base: e.target.value } })} /></td>
                  <td className="px-3 py-2"><input aria-label={`Retail price of ${label}`} className="w-20 rounded px-2 py-1 ring-1 ring-zinc-300" inputMode="decimal" value={d.retail ?? (v.retailCents / 100).toFixed(2)} onChange={(e) => setDraft({ ...draft, [v.id]: { ...d, retail: e.target.value } })} /></td>
                  <td className="px-3 py-2">{Number.isFinite(retail - base) ? `${money(retail - base, v.currency)} (${retail > 0 ? Math.round(((retail - base) / retail) * 100) : 0}%)` : "—"}</td>
                  <td className="px-3 py-2"><input type="checkbox" aria-label={`${label} on sale`} checked={v.active} disabled={lock.disabled} onChange={(e) => update.mutate({ id: v.id, active: e.target.checked })} /></td>
                  <td className="px-3 py-2">
                    {dirty && (
                      <Button size="sm" busy={update.isPending} {...lock} onClick={() => update.mutate({ id: v.id, retailCents: retail, baseCostCents: base }, { onSuccess: () => setDraft(({ [v.id]: _, ...rest }) => rest) })}>
                        Save
                      </Button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
