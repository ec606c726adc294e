import { PageHeader } from "@/components/ui";
import { DesignGallery } from "@/components/admin/designs/design-gallery";

export const metadata = { title: "Designs" };
export const dynamic = "force-dynamic";

export default function DesignsPage() {
  return (
    <>
      <PageHeader title="Designs" description="Print-ready art for approved ideas: print files per product, mockups and listing copy. Running designs update live." />
      <DesignGallery />
    </>
  );
}
