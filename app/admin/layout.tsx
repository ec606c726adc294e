import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { currentUser } from "@/server/auth/session";
import { AdminNav } from "@/components/admin/nav";
import { RoleProvider } from "@/components/admin/role-context";

export const dynamic = "force-dynamic";

// Admins and viewers see the dashboard; only admins change anything (adminProcedure on the server,
// disabled controls in the UI through RoleProvider).
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/signin?callbackUrl=/admin");
  return (
    <RoleProvider role={user.role}>
      <div className="min-h-screen md:flex">
        <AdminNav email={user.email} role={user.role} />
        <main className="min-w-0 flex-1 px-4 py-6 md:px-8">
          {user.role === "VIEWER" && (
            <p role="note" className="mb-4 rounded-md bg-zinc-100 px-3 py-2 text-sm text-zinc-700">
              You are signed in as a viewer: you can see every dashboard page, but not change anything.
            </p>
          )}
          {children}
        </main>
      </div>
    </RoleProvider>
  );
}
