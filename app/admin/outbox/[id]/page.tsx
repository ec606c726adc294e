import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader, StatusBadge } from "@/components/ui";
import { requireAdminPage } from "@/server/auth/session";
import { isAppError } from "@/server/errors";
import { getMail } from "@/server/services/mail/list-mail";

export const dynamic = "force-dynamic";

export default async function OutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdminPage("/admin/outbox");
  const { id } = await params;
  const m = await getMail(id).catch((e) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  return (
    <div className="space-y-4">
      <PageHeader title={m.subject} description={<><Link className="underline" href="/admin/outbox">Outbox</Link> · {m.kind}</>} actions={<StatusBadge status={m.status} />} />
      <Card className="space-y-1 text-sm">
        <p>From: {m.fromAddress}</p>
        <p>To: <span data-testid="mail-to">{m.toAddress}</span></p>
        <p>Sent: {m.sentAt ? m.sentAt.toLocaleString() : "not sent"} via {m.provider}{m.error ? ` — ${m.error}` : ""}</p>
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <h2 className="mb-2 font-semibold">HTML part</h2>
          {/* Rendered in a sandbox with no scripts, no forms and no same-origin access. */}
          <iframe title="HTML part" sandbox="" srcDoc={m.html} className="h-96 w-full rounded ring-1 ring-zinc-200" />
        </Card>
        <Card>
          <h2 className="mb-2 font-semibold">Text part</h2>
          <pre className="max-h-96 overflow-auto whitespace-pre-wrap text-sm" data-testid="mail-text">{m.text}</pre>
        </Card>
      </div>
    </div>
  );
}
