import Link from "next/link";
import type { WhereToBuy } from "@/server/services/store/get-product";

/** Marketplace links for a product; the storefront itself leads to a commission. */
export function ProductWhereToBuy({ options }: { options: WhereToBuy[] }) {
  if (!options.length) return <p className="text-sm text-zinc-600">Not on sale anywhere yet.</p>;
  return (
    <ul className="space-y-2" aria-label="Where to buy">
      {options.map((o) => (
        <li key={o.marketplace}>
          {o.href === null ? (
            <p className="text-sm text-zinc-600">{o.label}</p>
          ) : o.marketplace === "LOCAL" ? (
            <Link href={o.href} className="inline-flex w-full items-center justify-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 sm:w-auto">
              {o.label}
            </Link>
          ) : (
            <a href={o.href} target="_blank" rel="noopener noreferrer sponsored" className="inline-flex w-full items-center justify-center rounded-md bg-white px-4 py-2 text-sm font-medium text-zinc-900 ring-1 ring-zinc-300 hover:bg-zinc-50 sm:w-auto">
              {o.label} ↗
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}
