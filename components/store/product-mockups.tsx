"use client";
import { useState } from "react";
import { cn } from "@/components/ui";
import { track } from "@/lib/track";

export type MockupView = { productType: string; href: string; width: number; height: number };

/** The product's mockups: one large view and a labelled thumbnail per product type. */
export function ProductMockups({ title, mockups, listingId }: { title: string; mockups: MockupView[]; listingId?: string }) {
  const [active, setActive] = useState(0);
  const current = mockups[active];
  if (!current) return <div className="aspect-square rounded-lg bg-zinc-100" role="img" aria-label="No mockup yet" />;
  return (
    <div className="space-y-3">
      <div className="overflow-hidden rounded-lg bg-zinc-100 ring-1 ring-zinc-200">
        <img src={current.href} alt={`${title} on a ${current.productType}`} width={current.width} height={current.height} className="aspect-square w-full object-contain" />
      </div>
      {mockups.length > 1 && (
        <div className="flex flex-wrap gap-2" role="group" aria-label="Product types">
          {mockups.map((m, i) => (
            <button
              key={m.productType}
              type="button"
              onClick={() => {
                setActive(i);
                if (listingId && i !== active) track({ kind: "VARIANT_PICK", listingId });
              }}
              aria-pressed={i === active}
              aria-label={`Show ${m.productType}`}
              className={cn("w-20 overflow-hidden rounded-md bg-white ring-1", i === active ? "ring-2 ring-brand-500" : "ring-zinc-200 hover:ring-zinc-400")}
            >
              <img src={m.href} alt="" className="aspect-square w-full object-cover" />
              <span className="block py-0.5 text-center text-xs capitalize text-zinc-700">{m.productType}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
