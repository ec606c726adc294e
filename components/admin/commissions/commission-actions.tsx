"use client";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { Button, ConfirmButton, ErrorMessage } from "@/components/ui";
import { useTRPC } from "@/lib/trpc";
import { useEditLock } from "@/components/admin/role-context";

const REFUNDABLE = ["PAID", "IN_PROGRESS", "NEEDS_REVIEW", "COMPLETED"];

export function CommissionActions({ id, status, failedRefundId }: { id: string; status: string; failedRefundId: string | null }) {
  const lock = useEditLock();
  const trpc = useTRPC();
  const router = useRouter();
  const done = { onSuccess: () => router.refresh() };
  const refund = useMutation(trpc.commissions.refund.mutationOptions(done));
  const approve = useMutation(trpc.commissions.approve.mutationOptions(done));
  const reject = useMutation(trpc.commissions.reject.mutationOptions(done));
  const retry = useMutation(trpc.commissions.retryRefund.mutationOptions(done));
  const error = refund.error ?? approve.error ?? reject.error ?? retry.error;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {status === "NEEDS_REVIEW" && (
          <>
            <Button busy={approve.isPending} {...lock} onClick={() => approve.mutate({ id })}>Approve and continue</Button>
            <ConfirmButton busy={reject.isPending} {...lock} prompt="Reject and refund in full?" onConfirm={() => reject.mutate({ id })}>Reject</ConfirmButton>
          </>
        )}
        {REFUNDABLE.includes(status) && status !== "NEEDS_REVIEW" && (
          <ConfirmButton busy={refund.isPending} {...lock} prompt="Refund the full amount?" confirmLabel="Yes, refund" onConfirm={() => refund.mutate({ id })}>Refund</ConfirmButton>
        )}
        {failedRefundId && status === "REFUND_PENDING" && (
          <Button variant="secondary" busy={retry.isPending} {...lock} onClick={() => retry.mutate({ refundId: failedRefundId })}>Retry refund</Button>
        )}
      </div>
      <ErrorMessage error={error} />
    </div>
  );
}
