"use client";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { Button, ConfirmButton, ErrorMessage } from "@/components/ui";
import { useTRPC } from "@/lib/trpc";

const REFUNDABLE = ["PAID", "SUBMITTED", "ON_HOLD", "IN_PRODUCTION", "SHIPPED", "DELIVERED", "CANCELED"];

export function OrderActions({ id, status, failedRefundId }: { id: string; status: string; failedRefundId: string | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const done = { onSuccess: () => router.refresh() };
  const refund = useMutation(trpc.shop.refundOrder.mutationOptions(done));
  const resubmit = useMutation(trpc.shop.resubmit.mutationOptions(done));
  const retry = useMutation(trpc.commissions.retryRefund.mutationOptions(done));
  const error = refund.error ?? resubmit.error ?? retry.error;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {(status === "ON_HOLD" || status === "PAID") && (
          <Button variant="secondary" busy={resubmit.isPending} onClick={() => resubmit.mutate({ id })}>Resubmit to the print shop</Button>
        )}
        {REFUNDABLE.includes(status) && (
          <ConfirmButton busy={refund.isPending} prompt="Refund everything left on this order?" confirmLabel="Yes, refund" onConfirm={() => refund.mutate({ id })}>Refund</ConfirmButton>
        )}
        {failedRefundId && status === "REFUND_PENDING" && (
          <Button variant="secondary" busy={retry.isPending} onClick={() => retry.mutate({ refundId: failedRefundId })}>Retry refund</Button>
        )}
      </div>
      {resubmit.isSuccess && <p role="status" className="text-sm text-green-700">Queued for the print shop.</p>}
      <ErrorMessage error={error} />
    </div>
  );
}
