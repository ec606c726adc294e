import { notFound } from "next/navigation";
import { Card, ErrorMessage, StatusBadge } from "@/components/ui";
import { CheckoutAddress } from "@/components/store/checkout-address";
import { CheckoutButtons } from "@/components/store/checkout-buttons";
import { money } from "@/lib/format";
import { isAppError } from "@/server/errors";
import { localCheckoutSession } from "@/server/services/payments/local-checkout";

export const dynamic = "force-dynamic";
export const metadata = { title: "Test checkout · merchloop" };

/** The local payments provider's checkout page: pay or cancel, announced through the signed webhook. */
export default async function LocalCheckoutPage({ params, searchParams }: { params: Promise<{ session: string }>; searchParams: Promise<{ error?: string }> }) {
  const { session } = await params;
  const { error } = await searchParams;
  const s = await localCheckoutSession(session).catch((e) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  return (
    <div className="mx-auto max-w-md space-y-4">
      <p role="note" className="rounded-md bg-amber-100 px-3 py-2 text-center text-sm font-semibold tracking-wide text-amber-900 ring-1 ring-amber-300">
        TEST CHECKOUT — no real money moves
      </p>
      <Card className="space-y-4">
        <h1 className="text-lg font-semibold">{s.description}</h1>
        {s.order && (
          <ul className="space-y-1 text-sm" aria-label="Items">
            {s.order.items.map((i, n) => (
              <li key={n} className="flex justify-between gap-2">
                <span>{i.quantity} × {i.title} ({i.colour}, {i.size})</span>
                <span>{money(i.unitCents * i.quantity, s.currency)}</span>
              </li>
            ))}
          </ul>
        )}
        <p className="text-3xl font-bold" aria-label="Amount">
          {money(s.amountCents, s.currency)}
        </p>
        <ErrorMessage error={error ? { message: error } : null} />
        {s.status === "PENDING" ? (
          <CheckoutButtons session={s.sessionId} amount={s.order ? "now" : money(s.amountCents, s.currency)}>
            {s.order && <CheckoutAddress itemsCents={s.amountCents} currency={s.currency} options={s.order.shippingOptions} countries={s.order.countries} />}
          </CheckoutButtons>
        ) : (
          <p className="text-sm text-zinc-700">
            This checkout is already <StatusBadge status={s.status} />. <a className="text-brand-700 underline" href={s.status === "SUCCEEDED" ? s.successUrl : s.cancelUrl}>Continue</a>
          </p>
        )}
        <p className="text-xs text-zinc-500">Session {s.sessionId}. Paying sends a signed checkout.session.completed event to this shop&apos;s Stripe webhook, exactly as Stripe would.</p>
      </Card>
    </div>
  );
}
