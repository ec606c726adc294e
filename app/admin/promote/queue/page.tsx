import { PageHeader } from "@/components/ui";
import { PromoteTabs } from "@/components/admin/promote/promote-tabs";
import { PostQueue } from "@/components/admin/promote/post-queue";

export const metadata = { title: "Approval queue" };

export default function PromoteQueuePage() {
  return (
    <>
      <PageHeader title="Approval queue" description="Approved posts go out in their account's next posting window, spaced by its minimum interval and held to its post budget." />
      <PromoteTabs />
      <PostQueue />
    </>
  );
}
