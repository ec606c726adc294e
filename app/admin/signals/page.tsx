import { PageHeader } from "@/components/ui";
import { SignalsTable } from "@/components/admin/signals/signals-table";
import { RunIngestButton } from "@/components/admin/signals/run-ingest-button";

export const dynamic = "force-dynamic";

export default function SignalsPage() {
  return (
    <div className="space-y-6">
      <PageHeader
        title="Signals"
        description="Posts read from Reddit, feeds and imports. Repeats fold into one signal (Seen counts them); unsafe posts are kept as rejected with the reason and go no further."
        actions={<RunIngestButton />}
      />
      <SignalsTable />
    </div>
  );
}
