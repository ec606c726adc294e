import Link from "next/link";
import { notFound } from "next/navigation";
import { unstable_cache } from "next/cache";
import { EmptyState, Pagination } from "@/components/ui";
import { GalleryGrid } from "@/components/store/gallery-grid";
import { fileHref } from "@/server/providers/storage";
import { galleryPageInRange, listProducts } from "@/server/services/store/list-products";
import { GALLERY_TAG } from "@/server/services/store/cache-tags";

/** Gallery URL for a page: page 1 is the home page, later pages /shop/N (all served from the cache). */
export const galleryHref = (n: number) => (n <= 1 ? "/" : `/shop/${n}`);

/** One page of the storefront gallery (server component): hero, product grid, pagination. */
export async function GalleryPage({ page }: { page: number }) {
  // The tag marks the rendered page too, so a publication re-renders every gallery page.
  const gallery = await unstable_cache((p: number) => listProducts({ page: p }), ["gallery"], { tags: [GALLERY_TAG], revalidate: 300 })(page);
  if (!galleryPageInRange(gallery)) notFound();
  return (
    <div className="space-y-8">
      <section className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Merch from what the internet is talking about</h1>
        <p className="max-w-2xl text-zinc-600">
          Every design starts from a trending post in a community. Pick one you like, or{" "}
          <Link href="/commission" className="font-medium text-brand-700 underline">commission your own</Link>.
        </p>
      </section>

      {gallery.total === 0 ? (
        <EmptyState title="No products yet">New designs appear here as soon as they are published.</EmptyState>
      ) : (
        <>
          <p className="text-sm text-zinc-500">{gallery.total} products</p>
          <GalleryGrid
            items={gallery.items.map((p) => ({
              id: p.id,
              slug: p.slug,
              title: p.title,
              priceCents: p.priceCents,
              currency: p.currency,
              coverHref: fileHref(p.coverKey),
              community: p.community,
              donatedCents: p.donatedCents,
            }))}
          />
          <Pagination page={gallery.page} pageCount={gallery.pageCount} href={galleryHref} />
        </>
      )}
    </div>
  );
}
