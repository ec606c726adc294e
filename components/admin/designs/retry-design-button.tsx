"use client";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { Button, ErrorMessage } from "@/components/ui";
import { useEditLock } from "@/components/admin/role-context";

/** Retry a failed design from its detail page, then reload the server-rendered view. */
export function RetryDesignButton({ id, attempts }: { id: string; attempts: number }) {
  const lock = useEditLock();
  const trpc = useTRPC();
  const router = useRouter();
  const retry = useMutation(trpc.designs.retry.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="space-y-2">
      <Button {...lock} busy={retry.isPending} onClick={() => retry.mutate({ id })}>Retry (attempt {attempts + 1})</Button>
      <ErrorMessage error={retry.error} />
    </div>
  );
}
