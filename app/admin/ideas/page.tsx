import { PageHeader } from "@/components/ui";
import { IdeasQueue } from "@/components/admin/ideas/ideas-queue";
import { WeightsEditor } from "@/components/admin/ideas/weights-editor";

export const dynamic = "force-dynamic";

export default function IdeasPage() {
  return (
    <div className="space-y-8">
      <PageHeader
        title="Ideas"
        description="Scored posts turned into merch ideas. Approve to queue a design, reject what does not fit, edit before approving. Hover a score bar for its inputs."
      />
      <IdeasQueue />
      <WeightsEditor />
    </div>
  );
}
