import { PageHeader } from "@/components/ui";
import { AskPanel } from "@/components/admin/ask/ask-panel";
import { requireAdminPage } from "@/server/auth/session";

export const dynamic = "force-dynamic";

export default async function AskPage() {
  await requireAdminPage("/admin/ask");
  return (
    <div className="space-y-6">
      <PageHeader
        title="Ask"
        description="Ask the shop a question in plain English. The answer comes from read-only SQL over the analytics views (no personal data), checked by the Postgres parser and run as a read-only role with a time limit. Edit the SQL and run it again if you like."
      />
      <AskPanel />
    </div>
  );
}
