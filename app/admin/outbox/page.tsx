import Link from "next/link";
import { Card, EmptyState, PageHeader, StatusBadge } from "@/components/ui";
import { requireAdminPage } from "@/server/auth/session";
import { listMail } from "@/server/services/mail/list-mail";

export const dynamic = "force-dynamic";
export const metadata = { title: "Outbox" };

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ cursor?: string; status?: string }> }) {
  await requireAdminPage("/admin/outbox");
  const sp = await searchParams;
  const status = sp.status === "FAILED" || sp.status === "SENT" ? sp.status : undefined;
  const cursor = typeof sp.cursor === "string" && /^[a-z0-9]{1,40}$/i.test(sp.cursor) ? sp.cursor : undefined;
  const { items, nextCursor } = await listMail({ status, cursor });
  const qs = (extra: Record<string, string>) => `/admin/outbox?${new URLSearchParams({ ...(status ? { status } : {}), ...extra })}`;
  return (
    <>
      <PageHeader
        title="Outbox"
        description="Every message Merchloop sends: receipts, shipping notices, invites and alerts. Without SMTP_URL this is where they are delivered."
        actions={
          <nav aria-label="Filter" className="flex gap-2 text-sm">
            <Link className={!status ? "font-semibold underline" : "underline"} href="/admin/outbox">All</Link>
            <Link className={status === "SENT" ? "font-semibold underline" : "underline"} href="/admin/outbox?status=SENT">Sent</Link>
            <Link className={status === "FAILED" ? "font-semibold underline" : "underline"} href="/admin/outbox?status=FAILED">Failed</Link>
          </nav>
        }
      />
      {items.length === 0 ? (
        <EmptyState title="No messages yet">Order confirmations, shipping notices and invites appear here as they are sent.</EmptyState>
      ) : (
        <Card className="overflow-x-auto p-0">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-zinc-200 text-xs uppercase text-zinc-500">
              <tr><th className="px-4 py-2">When</th><th className="px-4 py-2">To</th><th className="px-4 py-2">Subject</th><th className="px-4 py-2">Kind</th><th className="px-4 py-2">Status</th></tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr key={m.id} className="border-b border-zinc-100 last:border-0">
                  <td className="whitespace-nowrap px-4 py-2 text-zinc-500">{m.createdAt.toLocaleString()}</td>
                  <td className="px-4 py-2">{m.toAddress}</td>
                  <td className="px-4 py-2"><Link className="text-brand-700 underline" href={`/admin/outbox/${m.id}`}>{m.subject}</Link></td>
                  <td className="px-4 py-2 text-zinc-500">{m.kind}</td>
                  <td className="px-4 py-2"><StatusBadge status={m.status} />{m.error && <span className="ml-2 text-xs text-red-700">{m.error}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
      {nextCursor && <p className="mt-4 text-sm"><Link className="underline" href={qs({ cursor: nextCursor })}>Older messages →</Link></p>}
    </>
  );
}
