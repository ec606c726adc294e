import { notFound, permanentRedirect } from "next/navigation";
import { GalleryPage, galleryHref } from "@/components/store/gallery-page";

// Later gallery pages are rendered on first request and cached for a few seconds (incremental
// static regeneration): under load they are served from the cache instead of re-rendered each time.
export const revalidate = 15;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export default async function ShopPage({ params }: { params: Promise<{ page: string }> }) {
  const { page: raw } = await params;
  if (!/^\d{1,6}$/.test(raw)) notFound();
  const page = Number(raw);
  if (page <= 1) permanentRedirect(galleryHref(1));
  return <GalleryPage page={page} />;
}
