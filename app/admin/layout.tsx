import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { currentUser } from "@/server/auth/session";
import { AdminNav } from "@/components/admin/nav";

export const dynamic = "force-dynamic";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/signin?callbackUrl=/admin");
  if (user.role !== "ADMIN") {
    return (
      <main className="mx-auto max-w-md px-4 py-24 text-center">
        <h1 className="text-xl font-semibold">Admins only</h1>
        <p className="mt-2 text-sm text-zinc-600">You are signed in as {user.email}, which is not an admin account.</p>
      </main>
    );
  }
  return (
    <div className="min-h-screen md:flex">
      <AdminNav email={user.email} />
      <main className="min-w-0 flex-1 px-4 py-6 md:px-8">{children}</main>
    </div>
  );
}
