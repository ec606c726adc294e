import Link from "next/link";
import { notFound } from "next/navigation";
import { isAppError } from "@/server/errors";
import { getDesign, type DesignDetail } from "@/server/services/design/list-designs";
import { Badge, Card, PageHeader, Progress, StatusBadge } from "@/components/ui";
import { RetryDesignButton } from "@/components/admin/designs/retry-design-button";
import { money, timeAgo } from "@/lib/format";
import { requireDashboardUser } from "@/server/auth/session";

export const dynamic = "force-dynamic";

const kb = (n: number) => (n > 1_048_576 ? `${(n / 1_048_576).toFixed(1)} MB` : `${Math.round(n / 1024)} KB`);

async function load(id: string): Promise<DesignDetail> {
  try {
    return await getDesign(id);
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}

export default async function DesignPage({ params }: { params: Promise<{ id: string }> }) {
  await requireDashboardUser("/admin/designs");
  const d = await load((await params).id);
  const thumb = d.files.find((f) => f.kind === "THUMBNAIL");
  const running = d.status === "QUEUED" || d.status === "RUNNING";
  return (
    <>
      <p className="mb-2 text-sm"><Link href="/admin/designs" className="text-brand-700 hover:underline">← All designs</Link></p>
      <PageHeader title={d.idea.title} description={<>{d.idea.theme} · {d.provider} · {d.quality} quality · attempt {d.attempts} · created {timeAgo(d.createdAt)}</>} actions={<StatusBadge status={d.status} />} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)]">
        <div className="space-y-4">
          <Card>
            {thumb ? (
              <img src={thumb.url} alt={`Design: ${d.idea.title}`} className="aspect-square w-full rounded bg-[repeating-conic-gradient(#f4f4f5_0%_25%,#fff_0%_50%)] bg-[length:24px_24px] object-contain" />
            ) : (
              <p className="text-sm text-zinc-600">No artwork yet.</p>
            )}
            {d.palette.length > 0 && (
              <ul className="mt-3 flex gap-2" aria-label="Palette">
                {d.palette.map((c) => <li key={c} className="size-8 rounded ring-1 ring-zinc-300" style={{ background: c }} title={c} />)}
              </ul>
            )}
          </Card>
          {running && <Card><Progress value={d.progress} label={d.stage ?? "waiting in queue"} /><p className="mt-2 text-xs text-zinc-500">Reload to see the latest stage.</p></Card>}
          {d.status === "FAILED" && (
            <Card className="space-y-3">
              <p role="alert" className="text-sm text-red-700">{d.error ?? "Failed without a message"}</p>
              <RetryDesignButton id={d.id} attempts={d.attempts} />
            </Card>
          )}
        </div>
        <div className="space-y-6">
          <section aria-labelledby="files">
            <h2 id="files" className="mb-2 font-semibold">Files</h2>
            {d.files.length === 0 ? <p className="text-sm text-zinc-600">No files yet.</p> : (
              <Card className="overflow-x-auto p-0">
                <table className="w-full text-sm">
                  <thead className="bg-zinc-50 text-left text-xs text-zinc-600">
                    <tr><th className="px-3 py-2">File</th><th className="px-3 py-2">Pixels</th><th className="px-3 py-2">DPI</th><th className="px-3 py-2">Alpha</th><th className="px-3 py-2">Size</th></tr>
                  </thead>
                  <tbody>
                    {d.files.map((f) => (
                      <tr key={f.id} className="border-t border-zinc-100">
                        <td className="px-3 py-2"><a className="text-brand-700 hover:underline" href={f.url} target="_blank" rel="noreferrer">{f.kind.toLowerCase()}{f.productType ? ` · ${f.productType}` : ""}</a></td>
                        <td className="px-3 py-2 tabular-nums">{f.width}×{f.height}</td>
                        <td className="px-3 py-2 tabular-nums">{f.dpi}</td>
                        <td className="px-3 py-2">{f.hasAlpha ? <Badge tone="success">yes</Badge> : <Badge tone="danger">no</Badge>}</td>
                        <td className="px-3 py-2 tabular-nums">{kb(f.bytes)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </Card>
            )}
          </section>
          <section aria-labelledby="mockups">
            <h2 id="mockups" className="mb-2 font-semibold">Mockups</h2>
            {d.mockups.length === 0 ? <p className="text-sm text-zinc-600">No mockups yet.</p> : (
              <ul className="grid grid-cols-2 gap-3">
                {d.mockups.map((m) => (
                  <li key={m.id}>
                    <img src={m.url} alt={`${m.productType} mockup`} className="w-full rounded ring-1 ring-zinc-200" loading="lazy" />
                    <p className="mt-1 text-center text-xs text-zinc-600">{m.productType} · {m.width}×{m.height}</p>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="listing">
            <h2 id="listing" className="mb-2 font-semibold">Listing copy</h2>
            {!d.listing ? <p className="text-sm text-zinc-600">Written when the mockups are done.</p> : (
              <Card className="space-y-3 text-sm">
                <p className="font-medium">{d.listing.title} <span className="text-xs text-zinc-500">({d.listing.title.length}/80)</span></p>
                <p>{money(d.listing.priceCents, d.listing.currency)}</p>
                <ul className="list-disc space-y-1 pl-5">{d.listing.bullets.map((b) => <li key={b}>{b}</li>)}</ul>
                <ul className="flex flex-wrap gap-1" aria-label={`${d.listing.tags.length} tags`}>{d.listing.tags.map((t) => <li key={t}><Badge>{t}</Badge></li>)}</ul>
                <p className="whitespace-pre-line text-zinc-700">{d.listing.description}</p>
              </Card>
            )}
          </section>
        </div>
      </div>
    </>
  );
}
