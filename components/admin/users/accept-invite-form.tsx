"use client";
import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/lib/trpc";
import { Button, ErrorMessage, TextField } from "@/components/ui";

export function AcceptInviteForm({ token, email }: { token: string; email: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [again, setAgain] = useState("");
  const mismatch = again.length > 0 && again !== password;
  const accept = useMutation(trpc.users.acceptInvite.mutationOptions({ onSuccess: () => router.push("/signin?callbackUrl=/admin") }));
  return (
    <form
      className="space-y-4 rounded-lg bg-white p-6 shadow-sm ring-1 ring-zinc-200"
      onSubmit={(e: FormEvent) => { e.preventDefault(); if (!mismatch) accept.mutate({ token, name: name || undefined, password }); }}
    >
      <input type="email" name="email" autoComplete="username" value={email} readOnly hidden />
      <TextField label="Your name (optional)" value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
      <TextField label="Choose a password" type="password" autoComplete="new-password" minLength={10} required value={password} onChange={(e) => setPassword(e.target.value)} hint="At least 10 characters" />
      <TextField label="Repeat the password" type="password" autoComplete="new-password" required value={again} onChange={(e) => setAgain(e.target.value)} error={mismatch ? "The passwords differ" : null} />
      <ErrorMessage error={accept.error} />
      <Button type="submit" busy={accept.isPending} className="w-full">Create my account</Button>
    </form>
  );
}
