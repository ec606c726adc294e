import { PageHeader } from "@/components/ui";
import { UsersPanel } from "@/components/admin/users/users-panel";
import { requireDashboardUser } from "@/server/auth/session";

export const dynamic = "force-dynamic";
export const metadata = { title: "Users" };

export default async function UsersPage() {
  const me = await requireDashboardUser("/admin/users");
  return (
    <>
      <PageHeader title="Users" description="Who can sign in, with which role. Admins change things; viewers see every dashboard page and change nothing. Removing someone signs them out at once." />
      <UsersPanel meId={me.id} />
    </>
  );
}
