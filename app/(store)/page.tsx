import { redirect } from "next/navigation";
import { GalleryPage, galleryHref } from "@/components/store/gallery-page";

// The first page is rendered live, so a newly published product shows at once.
export const dynamic = "force-dynamic";

export default async function StoreHome({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const { page: raw } = await searchParams;
  const requested = Number.parseInt(raw ?? "1", 10);
  // Old links (/?page=N) move to the cached page URLs.
  if (Number.isFinite(requested) && requested > 1) redirect(galleryHref(requested));
  return <GalleryPage page={1} />;
}
