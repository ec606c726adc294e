import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { authOptions, type SessionUser } from "./options";

/** The signed-in user in a server component or route handler, or null. */
export async function currentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  const u = session?.user as SessionUser | undefined;
  return u?.id ? u : null;
}

/**
 * For dashboard pages that read data themselves (admins and viewers): the layout's check is not
 * enough on its own (a layout is not re-rendered for every navigation), so each such page calls this
 * first. Viewers see every dashboard page; what they may change is decided by adminProcedure.
 */
export async function requireDashboardUser(callbackUrl = "/admin"): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  if (user.role !== "ADMIN" && user.role !== "VIEWER") notFound();
  return user;
}

/**
 * For the few pages only admins may see, because they hold secrets rather than dashboards (the
 * outbox carries one-time invite links): signed-out users go to sign-in, viewers get a 404.
 */
export async function requireAdminPage(callbackUrl = "/admin"): Promise<SessionUser> {
  const user = await requireDashboardUser(callbackUrl);
  if (user.role !== "ADMIN") notFound();
  return user;
}
