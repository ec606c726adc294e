import Link from "next/link";

/** Page links for server-rendered lists; `href` builds each page's URL. */
export function Pagination({ page, pageCount, href }: { page: number; pageCount: number; href: (p: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pagination" className="mt-6 flex items-center justify-center gap-3 text-sm">
      {page > 1 ? <Link className="rounded px-3 py-1 ring-1 ring-zinc-300 hover:bg-white" href={href(page - 1)} rel="prev">← Previous</Link> : <span className="px-3 py-1 text-zinc-400">← Previous</span>}
      <span aria-current="page">Page {page} of {pageCount}</span>
      {page < pageCount ? <Link className="rounded px-3 py-1 ring-1 ring-zinc-300 hover:bg-white" href={href(page + 1)} rel="next">Next →</Link> : <span className="px-3 py-1 text-zinc-400">Next →</span>}
    </nav>
  );
}
