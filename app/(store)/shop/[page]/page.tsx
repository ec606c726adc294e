import { notFound } from "next/navigation";
import { GalleryPage } from "@/components/store/gallery-page";

// Gallery pages are rendered on first request and served from the shared cache (Redis, see
// server/cache/redis-cache-handler.cjs) until a publication changes the storefront (tag
// GALLERY_TAG, revalidated by the worker) or, as a safety net, for at most five minutes. Donation totals on the cards refresh then.
// `/` is this page with page=1 (next.config.ts rewrites it; /shop/1 redirects to /).
// force-static: the root layout's connection() (nonce pages) does not make this page dynamic.
export const dynamic = "force-static";
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return []; // nothing at build time: the build needs no database
}

export default async function ShopPage({ params }: { params: Promise<{ page: string }> }) {
  const { page: raw } = await params;
  if (!/^[1-9]\d{0,5}$/.test(raw)) notFound();
  return <GalleryPage page={Number(raw)} />;
}
