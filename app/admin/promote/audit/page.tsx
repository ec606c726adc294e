import { PageHeader } from "@/components/ui";
import { PromoteTabs } from "@/components/admin/promote/promote-tabs";
import { AuditTable } from "@/components/admin/promote/audit-table";

export const metadata = { title: "Promoter audit log" };

export default async function PromoteAuditPage({ searchParams }: { searchParams: Promise<{ postId?: string }> }) {
  const { postId } = await searchParams;
  return (
    <>
      <PageHeader title="Audit log" description="Every draft, edit, approval, post, failure, reschedule, credential change and cap hit." />
      <PromoteTabs />
      <AuditTable postId={typeof postId === "string" && postId ? postId : undefined} />
    </>
  );
}
