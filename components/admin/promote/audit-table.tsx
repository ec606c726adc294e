"use client";
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { Button, Card, EmptyState, ErrorMessage, SelectField } from "@/components/ui";
import { platformLabel, PROMO_ACTIONS, type PromoActionName } from "@/lib/promote";

const describe = (d: Record<string, unknown> | null) =>
  d ? Object.entries(d).filter(([k]) => k !== "before" && k !== "after").map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`).join(" · ") : "";

/** Who did what, when, on which account — filterable by account, action and post. */
export function AuditTable({ postId }: { postId?: string }) {
  const trpc = useTRPC();
  const [accountId, setAccountId] = useState("");
  const [action, setAction] = useState<PromoActionName | "">("");
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const accounts = useQuery(trpc.promote.accounts.queryOptions());
  const audit = useQuery({ ...trpc.promote.audit.queryOptions({ accountId: accountId || undefined, action: action || undefined, postId, cursor: cursors.at(-1), take: 50 }), refetchInterval: 3000 });
  const reset = () => setCursors([undefined]);
  const items = audit.data?.items ?? [];
  return (
    <div className="space-y-4">
      <Card className="flex flex-wrap items-end gap-4">
        <div className="w-56">
          <SelectField label="Account" value={accountId} onChange={(e) => { setAccountId(e.target.value); reset(); }}>
            <option value="">All accounts</option>
            {accounts.data?.map((a) => <option key={a.id} value={a.id}>{a.handle} ({platformLabel[a.platform]})</option>)}
          </SelectField>
        </div>
        <div className="w-48">
          <SelectField label="Action" value={action} onChange={(e) => { setAction(e.target.value as PromoActionName | ""); reset(); }}>
            <option value="">All actions</option>
            {PROMO_ACTIONS.map((a) => <option key={a} value={a}>{a.replaceAll("_", " ")}</option>)}
          </SelectField>
        </div>
        {postId && <p className="pb-2 text-sm text-zinc-600">Showing one post. <a className="text-brand-700 underline" href="/admin/promote/audit">Show all</a></p>}
      </Card>
      <ErrorMessage error={audit.error} />
      {audit.isSuccess && !items.length && <EmptyState title="Nothing recorded for these filters">Every draft, edit, approval, post, failure, reschedule, credential change and cap hit is recorded here.</EmptyState>}
      {items.length > 0 && (
        <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-zinc-200">
          <table className="w-full text-sm">
            <caption className="sr-only">Promoter audit log</caption>
            <thead className="bg-zinc-50 text-left text-xs uppercase tracking-wide text-zinc-500">
              <tr><th scope="col" className="px-3 py-2">When</th><th scope="col" className="px-3 py-2">Action</th><th scope="col" className="px-3 py-2">Account</th><th scope="col" className="px-3 py-2">Who</th><th scope="col" className="px-3 py-2">Details</th></tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {items.map((r) => (
                <tr key={r.id} className="align-top">
                  <td className="whitespace-nowrap px-3 py-2 text-xs">{new Date(r.at).toLocaleString()}</td>
                  <th scope="row" className="px-3 py-2 text-left font-medium">{r.action.replaceAll("_", " ")}</th>
                  <td className="px-3 py-2">{r.account ? r.account.handle : "—"}</td>
                  <td className="px-3 py-2 text-xs">{r.actor}</td>
                  <td className="max-w-lg break-words px-3 py-2 text-xs text-zinc-600">{describe(r.data)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(cursors.length > 1 || audit.data?.nextCursor) && (
        <nav aria-label="Pagination" className="flex items-center justify-center gap-3 text-sm">
          <Button size="sm" variant="secondary" disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>← Newer</Button>
          <Button size="sm" variant="secondary" disabled={!audit.data?.nextCursor} onClick={() => audit.data?.nextCursor && setCursors((c) => [...c, audit.data!.nextCursor!])}>Older →</Button>
        </nav>
      )}
    </div>
  );
}
