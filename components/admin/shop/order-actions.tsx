"use client";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { Button, ConfirmButton, ErrorMessage } from "@/components/ui";
import { useTRPC } from "@/lib/trpc";
import { useEditLock } from "@/components/admin/role-context";

const REFUNDABLE = ["PAID", "SUBMITTED", "ON_HOLD", "IN_PRODUCTION", "SHIPPED", "DELIVERED", "CANCELED"];

type Address = { line1?: string | null; line2?: string | null; city?: string | null; state?: string | null; postal_code?: string | null; country?: string | null };

export function OrderActions({ id, status, failedRefundId, name, address }: { id: string; status: string; failedRefundId: string | null; name: string | null; address: Address | null }) {
  const trpc = useTRPC();
  const lock = useEditLock();
  const router = useRouter();
  const done = { onSuccess: () => router.refresh() };
  const refund = useMutation(trpc.shop.refundOrder.mutationOptions(done));
  const resubmit = useMutation(trpc.shop.resubmit.mutationOptions(done));
  const retry = useMutation(trpc.commissions.retryRefund.mutationOptions(done));
  const fix = useMutation(trpc.shop.updateAddress.mutationOptions(done));
  const error = refund.error ?? resubmit.error ?? retry.error ?? fix.error;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {(status === "ON_HOLD" || status === "PAID") && (
          <Button variant="secondary" busy={resubmit.isPending} {...lock} onClick={() => resubmit.mutate({ id })}>Resubmit to the print shop</Button>
        )}
        {REFUNDABLE.includes(status) && (
          <ConfirmButton busy={refund.isPending} {...lock} prompt="Refund everything left on this order?" confirmLabel="Yes, refund" onConfirm={() => refund.mutate({ id })}>Refund</ConfirmButton>
        )}
        {failedRefundId && status === "REFUND_PENDING" && (
          <Button variant="secondary" busy={retry.isPending} {...lock} onClick={() => retry.mutate({ refundId: failedRefundId })}>Retry refund</Button>
        )}
      </div>
      {resubmit.isSuccess && <p role="status" className="text-sm text-green-700">Queued for the print shop.</p>}
      {status === "ON_HOLD" && (
        <details className="rounded-md bg-white p-3 text-sm ring-1 ring-zinc-200">
          <summary className="cursor-pointer font-medium">Correct the shipping address</summary>
          <form
            className="mt-2 grid gap-2 sm:grid-cols-2"
            onSubmit={(e) => {
              e.preventDefault();
              const f = new FormData(e.currentTarget);
              const v = (k: string) => String(f.get(k) ?? "");
              fix.mutate({ id, name: v("name"), address: { line1: v("line1"), line2: v("line2") || null, city: v("city"), state: v("state") || null, postal_code: v("postal_code"), country: v("country") as "US" } });
            }}
          >
            {(["name", "line1", "line2", "city", "state", "postal_code", "country"] as const).map((k) => (
              <label key={k} className="block">
                <span className="block text-xs text-zinc-500">{k.replace("_", " ")}</span>
                <input name={k} defaultValue={(k === "name" ? name : address?.[k]) ?? ""} className="w-full rounded px-2 py-1 ring-1 ring-zinc-300" />
              </label>
            ))}
            <div className="sm:col-span-2">
              <Button type="submit" size="sm" busy={fix.isPending} {...lock}>Save address</Button>
              {fix.isSuccess && <span role="status" className="ml-2 text-green-700">Saved — now resubmit.</span>}
            </div>
          </form>
        </details>
      )}
      <ErrorMessage error={error} />
    </div>
  );
}
