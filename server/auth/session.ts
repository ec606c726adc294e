import { getServerSession } from "next-auth";
import { authOptions, type SessionUser } from "./options";

/** The signed-in user in a server component or route handler, or null. */
export async function currentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  const u = session?.user as SessionUser | undefined;
  return u?.id ? u : null;
}
