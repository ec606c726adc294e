"use client";
import { useEffect, useState } from "react";
import Link from "next/link";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Button, Card, EmptyState, TextField } from "@/components/ui";
import { cartTotal, useCart } from "@/lib/cart";
import { money } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";

/**
 * The cart: lines from the persisted store, re-priced by the server on every view. A stale price or
 * a gone variant is shown with its message; checkout is refused until the shopper accepts the update.
 */
export function CartView({ cancelled }: { cancelled: boolean }) {
  const trpc = useTRPC();
  const lines = useCart((s) => s.lines);
  const { setQuantity, remove, reprice } = useCart.getState();
  const [email, setEmail] = useState("");
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  const items = lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity, unitCents: l.unitCents }));
  const check = useQuery({ ...trpc.shop.validate.queryOptions({ items }), enabled: hydrated && items.length > 0 });
  const checkout = useMutation(
    trpc.shop.checkout.mutationOptions({
      onSuccess: (r) => {
        window.location.assign(r.checkoutUrl);
      },
      onError: () => check.refetch(),
    }),
  );

  if (!hydrated) return <p className="text-sm text-zinc-500">Loading your cart…</p>;
  if (!lines.length) return <EmptyState title="Your cart is empty">Pick a design in the <Link href="/" className="text-brand-700 underline">shop</Link>.</EmptyState>;

  const problems = check.data?.problems ?? [];
  const currency = lines[0].currency;
  const acceptUpdates = () => {
    const prices = new Map((check.data?.lines ?? []).map((l) => [l.variantId, l.unitCents]));
    reprice(prices);
  };

  return (
    <div className="grid gap-6 md:grid-cols-[1fr_320px]">
      <Card className="space-y-4">
        {cancelled && <p role="status" className="text-sm text-zinc-600">Checkout cancelled; your cart is as you left it.</p>}
        <ul className="divide-y divide-zinc-200" aria-label="Cart">
          {lines.map((l) => (
            <li key={l.variantId} className="flex items-center gap-3 py-3">
              {l.image && <img src={l.image} alt="" className="h-16 w-16 rounded bg-zinc-100 object-contain" />}
              <div className="flex-1">
                <Link href={`/products/${l.slug}`} className="font-medium hover:text-brand-700">{l.title}</Link>
                <p className="text-sm text-zinc-600">{l.colour} · {l.size}</p>
              </div>
              <label className="text-sm">
                <span className="sr-only">Quantity of {l.title} ({l.colour}, {l.size})</span>
                <input type="number" min={1} max={20} value={l.quantity} onChange={(e) => setQuantity(l.variantId, Number(e.target.value))} className="w-16 rounded-md px-2 py-1 ring-1 ring-zinc-300" />
              </label>
              <span className="w-20 text-right text-sm">{money(l.unitCents * l.quantity, l.currency)}</span>
              <Button variant="ghost" size="sm" onClick={() => remove(l.variantId)} aria-label={`Remove ${l.title} (${l.colour}, ${l.size})`}>✕</Button>
            </li>
          ))}
        </ul>
        {problems.length > 0 && (
          <div role="alert" className="space-y-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
            {problems.map((p) => (
              <p key={p.variantId}>{p.message}.</p>
            ))}
            <Button size="sm" variant="secondary" onClick={acceptUpdates}>Update my cart</Button>
          </div>
        )}
      </Card>
      <Card className="space-y-3">
        <p className="flex justify-between text-sm"><span>Items</span><span aria-label="Cart total">{money(cartTotal(lines), currency)}</span></p>
        <p className="text-xs text-zinc-500">Shipping is chosen at checkout.</p>
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            checkout.mutate({ items, email });
          }}
        >
          <TextField label="Email for your receipt and tracking" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="email" />
          {checkout.error && <p role="alert" className="text-sm text-red-700">{checkout.error.message}</p>}
          <Button type="submit" className="w-full" busy={checkout.isPending} disabled={problems.length > 0 || check.isFetching}>
            Checkout
          </Button>
        </form>
      </Card>
    </div>
  );
}
