import { CatalogueEditor } from "@/components/admin/shop/catalogue-editor";
import { PageHeader } from "@/components/ui";
import { requireDashboardUser } from "@/server/auth/session";

export const dynamic = "force-dynamic";

export default async function AdminCataloguePage() {
  await requireDashboardUser("/admin/catalogue");
  return (
    <div>
      <PageHeader title="Catalogue" description="What each variant costs us at the print shop and what shoppers pay. A new price applies to the next cart checked out; carts holding the old price are asked to accept the new one." />
      <CatalogueEditor />
    </div>
  );
}
