import { PageHeader } from "@/components/ui";
import { AddSubredditForm } from "@/components/admin/subreddits/add-subreddit-form";
import { SubredditsTable } from "@/components/admin/subreddits/subreddits-table";

export const dynamic = "force-dynamic";

export default function SubredditsPage() {
  return (
    <div className="space-y-6">
      <PageHeader
        title="Subreddits"
        description="Communities the Reddit source reads on every ingest run. Disable one to pause it; posts already read stay as signals."
      />
      <AddSubredditForm />
      <SubredditsTable />
    </div>
  );
}
