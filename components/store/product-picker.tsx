"use client";
import { useMemo, useState } from "react";
import { track } from "@/lib/track";
import Link from "next/link";
import { Button, cn } from "@/components/ui";
import { cartCount, useCart } from "@/lib/cart";
import { money } from "@/lib/format";

export type PickerVariant = { id: string; productType: string; size: string; colour: string; colourHex: string; priceCents: number; currency: string };
export type PickerMockup = { productType: string; href: string };

const TYPE_LABEL: Record<string, string> = { tee: "T-shirt", mug: "Mug", poster: "Poster", sticker: "Sticker" };
const unique = <T,>(xs: T[]) => [...new Set(xs)];

/** Product type, colour and size; the mockup follows the chosen colour; the price is the variant's. */
export function ProductPicker({ slug, title, variants, mockups, listingId, experimentId, armId }: { slug: string; title: string; variants: PickerVariant[]; mockups: PickerMockup[]; listingId?: string; experimentId?: string; armId?: string }) {
  // Outcome events (batched beacon, none under DNT/GPC): a variant pick and an add to cart.
  const note = (kind: "VARIANT_PICK" | "ADD_TO_CART") => listingId && track({ kind, listingId, experimentId, armId });
  const types = unique(variants.map((v) => v.productType));
  const [type, setType] = useState(types[0]);
  const ofType = variants.filter((v) => v.productType === type);
  const colours = unique(ofType.map((v) => v.colour));
  const [colour, setColour] = useState(colours[0]);
  const sizes = unique(ofType.filter((v) => v.colour === colour).map((v) => v.size));
  const [size, setSize] = useState(sizes[0]);
  const [added, setAdded] = useState(false);
  const add = useCart((s) => s.add);
  const count = useCart((s) => cartCount(s.lines));

  const current = ofType.find((v) => v.colour === colour && v.size === size) ?? ofType.find((v) => v.colour === colour) ?? ofType[0];
  const stored = mockups.find((m) => m.productType === type);
  const image = useMemo(() => {
    if (!current) return stored?.href;
    if (current.colour.toLowerCase() === "white") return stored?.href;
    return `/api/products/${encodeURIComponent(slug)}/mockup?type=${encodeURIComponent(type)}&colour=${encodeURIComponent(current.colour)}`;
  }, [current, stored, slug, type]);

  if (!current) return <p className="text-sm text-zinc-600">Not for sale yet.</p>;

  const chooseType = (t: string) => {
    note("VARIANT_PICK");
    setType(t);
    const first = variants.find((v) => v.productType === t)!;
    setColour(first.colour);
    setSize(first.size);
    setAdded(false);
  };
  const chooseColour = (c: string) => {
    note("VARIANT_PICK");
    setColour(c);
    if (!ofType.some((v) => v.colour === c && v.size === size)) setSize(ofType.find((v) => v.colour === c)!.size);
    setAdded(false);
  };

  return (
    <div className="grid gap-8 md:grid-cols-2">
      <div className="overflow-hidden rounded-lg bg-zinc-100 ring-1 ring-zinc-200">
        {image ? <img src={image} alt={`${title} — ${TYPE_LABEL[type] ?? type} in ${current.colour}`} width={1200} height={1200} className="aspect-square w-full object-contain" data-testid="product-mockup" /> : <div className="aspect-square" />}
      </div>
      <div className="space-y-5">
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{title}</h1>
        <p className="text-2xl font-semibold text-brand-700" aria-label="Price">{money(current.priceCents, current.currency)}</p>
        {types.length > 1 && (
          <div role="radiogroup" aria-label="Product" className="flex flex-wrap gap-2">
            {types.map((t) => (
              <button key={t} type="button" role="radio" aria-checked={t === type} onClick={() => chooseType(t)} className={cn("rounded-md px-3 py-1.5 text-sm ring-1", t === type ? "bg-brand-600 text-white ring-brand-600" : "bg-white ring-zinc-300 hover:bg-zinc-50")}>
                {TYPE_LABEL[t] ?? t}
              </button>
            ))}
          </div>
        )}
        <div className="space-y-1">
          <p className="text-sm font-medium">Colour: {current.colour}</p>
          <div role="radiogroup" aria-label="Colour" className="flex flex-wrap gap-2">
            {colours.map((c) => {
              const hex = ofType.find((v) => v.colour === c)!.colourHex;
              return (
                <button key={c} type="button" role="radio" aria-checked={c === colour} aria-label={c} title={c} onClick={() => chooseColour(c)} className={cn("h-8 w-8 rounded-full ring-1 ring-zinc-300", c === colour && "ring-2 ring-brand-600 ring-offset-2")} style={{ backgroundColor: hex }} />
              );
            })}
          </div>
        </div>
        <div className="space-y-1">
          <p className="text-sm font-medium">Size</p>
          <div role="radiogroup" aria-label="Size" className="flex flex-wrap gap-2">
            {sizes.map((s) => (
              <button key={s} type="button" role="radio" aria-checked={s === current.size} onClick={() => { note("VARIANT_PICK"); setSize(s); setAdded(false); }} className={cn("min-w-12 rounded-md px-3 py-1.5 text-sm ring-1", s === current.size ? "bg-zinc-900 text-white ring-zinc-900" : "bg-white ring-zinc-300 hover:bg-zinc-50")}>
                {s}
              </button>
            ))}
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Button
            type="button"
            onClick={() => {
              note("ADD_TO_CART");
              add({ variantId: current.id, quantity: 1, unitCents: current.priceCents, currency: current.currency, title, productType: type, size: current.size, colour: current.colour, slug, image: image ?? "" });
              setAdded(true);
            }}
          >
            Add to cart
          </Button>
          {added && <span role="status" className="text-sm text-green-700">Added.</span>}
          {count > 0 && (
            <Link href="/cart" className="text-sm text-brand-700 underline">
              View cart ({count})
            </Link>
          )}
        </div>
      </div>
    </div>
  );
}
