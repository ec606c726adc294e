import Link from "next/link";
import { Button, Card, EmptyState, PageHeader } from "@/components/ui";
import { requireDashboardUser } from "@/server/auth/session";
import { auditFacets, listAudit } from "@/server/services/audit/list-audit";

export const dynamic = "force-dynamic";
export const metadata = { title: "Audit log" };

const clean = (v: unknown, re: RegExp) => (typeof v === "string" && re.test(v) ? v : undefined);

/** Every review decision, setting change, user change and retry: filterable, paginated, newest first. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireDashboardUser("/admin/audit");
  const sp = await searchParams;
  const action = clean(sp.action, /^[a-z_.]{1,60}$/);
  const entityType = clean(sp.entityType, /^[a-z_]{1,60}$/);
  const cursor = clean(sp.cursor, /^[a-z0-9]{1,40}$/i);
  const [{ items, nextCursor }, facets] = await Promise.all([listAudit({ action, entityType, cursor }), auditFacets()]);
  const families = [...new Set(facets.actions.map((a) => `${a.split(".")[0]}.`))];
  const qs = (extra: Record<string, string>) => `/admin/audit?${new URLSearchParams({ ...(action ? { action } : {}), ...(entityType ? { entityType } : {}), ...extra })}`;
  return (
    <>
      <PageHeader title="Audit log" description="Every decision and setting change, who made it and when: review approvals and rejections, auto-publish settings, users and roles, retries." />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3 text-sm" aria-label="Filter the audit log">
        <label className="space-y-1">
          <span className="block font-medium">Action</span>
          <select name="action" defaultValue={action ?? ""} className="rounded-md bg-white px-2 py-1.5 ring-1 ring-zinc-300">
            <option value="">All actions</option>
            {families.map((f) => <option key={f} value={f}>{f}* (all)</option>)}
            {facets.actions.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </label>
        <label className="space-y-1">
          <span className="block font-medium">Entity</span>
          <select name="entityType" defaultValue={entityType ?? ""} className="rounded-md bg-white px-2 py-1.5 ring-1 ring-zinc-300">
            <option value="">All entities</option>
            {facets.entityTypes.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
        </label>
        <Button type="submit" size="sm" variant="secondary">Filter</Button>
        {(action || entityType) && <Link href="/admin/audit" className="underline">Clear</Link>}
      </form>
      {items.length === 0 ? (
        <EmptyState title="Nothing recorded yet">Decisions and setting changes appear here as they are made.</EmptyState>
      ) : (
        <Card className="overflow-x-auto p-0">
          <table className="w-full text-left text-sm" aria-label="Audit log">
            <thead className="border-b border-zinc-200 text-xs uppercase text-zinc-500">
              <tr><th className="px-4 py-2">When</th><th className="px-4 py-2">Who</th><th className="px-4 py-2">Action</th><th className="px-4 py-2">On</th><th className="px-4 py-2">Details</th></tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id} className="border-b border-zinc-100 align-top last:border-0">
                  <td className="whitespace-nowrap px-4 py-2 text-zinc-500">{a.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC</td>
                  <td className="px-4 py-2">{a.actor?.email ?? <span className="text-zinc-500" title="The system, or a user removed since">—</span>}</td>
                  <td className="px-4 py-2 font-medium">{a.action}</td>
                  <td className="px-4 py-2 text-zinc-600">{a.entityType}{a.entityId ? ` ${a.entityId}` : ""}</td>
                  <td className="max-w-md break-all px-4 py-2 font-mono text-xs text-zinc-600">{a.data ? JSON.stringify(a.data) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
      {nextCursor && <p className="mt-4 text-sm"><Link className="underline" href={qs({ cursor: nextCursor })}>Older entries →</Link></p>}
    </>
  );
}
