import { notFound, permanentRedirect } from "next/navigation";
import { GalleryPage, galleryHref } from "@/components/store/gallery-page";

// Later gallery pages render per request, like page 1: every page carries a per-request CSP nonce
// (proxy.ts), which static or ISR HTML cannot. Pages past the last one are 404s.
export const dynamic = "force-dynamic";

export default async function ShopPage({ params }: { params: Promise<{ page: string }> }) {
  const { page: raw } = await params;
  if (!/^[1-9]\d{0,5}$/.test(raw)) notFound();
  const page = Number(raw);
  if (page <= 1) permanentRedirect(galleryHref(1));
  return <GalleryPage page={page} />;
}
