import { PageHeader } from "@/components/ui";
import { QueuesPanel } from "@/components/admin/system/queues-panel";

export const metadata = { title: "Queues" };

export default function QueuesPage() {
  return (
    <>
      <PageHeader title="Queues" description="Background work: counts per queue, failed jobs you can retry, and recent runs." />
      <QueuesPanel />
    </>
  );
}
