import { Suspense } from "react";
import { SignInForm } from "@/components/admin/signin-form";

export const metadata = { title: "Sign in" };

export default function SignInPage() {
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4">
      <h1 className="mb-1 text-2xl font-semibold">Sign in to Merchloop</h1>
      <p className="mb-6 text-sm text-zinc-600">Admins review ideas, designs and commissions here.</p>
      <Suspense>
        <SignInForm />
      </Suspense>
    </main>
  );
}
