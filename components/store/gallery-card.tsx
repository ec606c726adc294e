import Link from "next/link";
import { Badge } from "@/components/ui";
import { money } from "@/lib/format";

export type GalleryCardProps = {
  slug: string;
  title: string;
  priceCents: number;
  currency: string;
  coverHref: string;
  community: string | null;
  donatedCents: number;
};

/** One product in the storefront gallery: cover mockup, title, price, community, donations. */
export function GalleryCard({ slug, title, priceCents, currency, coverHref, community, donatedCents }: GalleryCardProps) {
  return (
    <li className="group overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-zinc-200 transition hover:shadow-md">
      <Link href={`/products/${slug}`} className="block focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500">
        <div className="aspect-square overflow-hidden bg-zinc-100">
          <img src={coverHref} alt={`${title} mockup`} loading="lazy" className="size-full object-cover transition group-hover:scale-105" />
        </div>
        <div className="space-y-2 p-3">
          <h2 className="line-clamp-2 text-sm font-medium text-zinc-900">{title}</h2>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <span className="font-semibold text-brand-700">{money(priceCents, currency)}</span>
            {community && <Badge tone="brand">r/{community}</Badge>}
          </div>
          {donatedCents > 0 && <p className="text-xs text-green-700">{money(donatedCents, currency)} donated to the community</p>}
        </div>
      </Link>
    </li>
  );
}
