import { PageHeader } from "@/components/ui";
import { TierEditor } from "@/components/admin/commissions/tier-editor";

export const dynamic = "force-dynamic";

export default function AdminTiersPage() {
  return (
    <div>
      <PageHeader title="Commission tiers" description="Prices, what each tier allows, and whether paid commissions wait for review." />
      <TierEditor />
    </div>
  );
}
