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
 * For admin pages that read data themselves: the layout's check is not enough on its own (a
 * layout is not re-rendered for every navigation), so each such page calls this first.
 */
export async function requireAdminPage(callbackUrl = "/admin"): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  if (user.role !== "ADMIN") notFound();
  return user;
}
