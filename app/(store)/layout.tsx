import Link from "next/link";
import type { ReactNode } from "react";
import { CartLink } from "@/components/store/cart-link";
import { env } from "@/server/env";

// With no Stripe keys the shop takes payments on the local test checkout: say so on every page.
const testPayments = () => env().providers.payments === "local";

export default function StoreLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      {testPayments() && (
        <p role="note" className="bg-amber-100 px-4 py-1.5 text-center text-xs text-amber-900">
          Test mode: checkout is simulated and no real money moves.
        </p>
      )}
      <header className="border-b border-zinc-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link href="/" className="text-lg font-bold tracking-tight text-brand-700">
            merchloop
          </Link>
          <nav aria-label="Store" className="flex gap-4 text-sm">
            <Link href="/" className="hover:text-brand-700">Shop</Link>
            <Link href="/commission" className="hover:text-brand-700">Commission</Link>
            <Link href="/fundraising" className="hover:text-brand-700">Fundraising</Link>
            <CartLink />
          </nav>
        </div>
      </header>
      <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">{children}</main>
      <footer className="border-t border-zinc-200 py-6 text-center text-xs text-zinc-500">
        Made from what people are talking about. Designs are generated; every order is printed on demand.
      </footer>
    </div>
  );
}
