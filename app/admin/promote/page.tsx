import { PageHeader } from "@/components/ui";
import { PromoteTabs } from "@/components/admin/promote/promote-tabs";
import { BrandForm } from "@/components/admin/promote/brand-form";
import { ConnectForm } from "@/components/admin/promote/connect-form";
import { AccountsList } from "@/components/admin/promote/accounts-list";

export const metadata = { title: "Promote" };

export default function PromotePage() {
  return (
    <>
      <PageHeader title="Promote" description="Brands and their social accounts. Each account drafts a post for every new product in its own voice; new accounts are in dry run, so drafts wait for approval." />
      <PromoteTabs />
      <div className="space-y-4">
        <BrandForm />
        <ConnectForm />
        <AccountsList />
      </div>
    </>
  );
}
