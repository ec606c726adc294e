import Link from "next/link";
import { isAppError } from "@/server/errors";
import { describeInvite } from "@/server/services/users/accept-invite";
import { AcceptInviteForm } from "@/components/admin/users/accept-invite-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Accept invitation", referrer: "no-referrer" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let invite: Awaited<ReturnType<typeof describeInvite>> | null = null;
  let problem: string | null = null;
  try {
    invite = await describeInvite(token);
  } catch (e) {
    if (!isAppError(e)) throw e;
    problem = e.message;
  }
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4">
      <h1 className="mb-1 text-2xl font-semibold">Join Merchloop</h1>
      {invite ? (
        <>
          <p className="mb-6 text-sm text-zinc-600">
            You were invited as {invite.role === "ADMIN" ? "an admin" : "a viewer (read-only)"} with <strong>{invite.email}</strong>. Choose a password to finish.
          </p>
          <AcceptInviteForm token={token} email={invite.email} />
        </>
      ) : (
        <p role="alert" className="text-sm text-red-700">
          {problem} <Link href="/signin" className="underline">Sign in</Link>
        </p>
      )}
    </main>
  );
}
