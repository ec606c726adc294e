"use client";
import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";
import { MAX_CART_LINES, MAX_CART_QUANTITY } from "./shop";

// The shopping cart: a zustand store persisted in localStorage (it survives reloads). Prices here
// are what the shopper saw; the server re-prices every line before checkout and refuses stale ones.

export type CartLine = {
  variantId: string;
  quantity: number;
  unitCents: number;
  currency: string;
  title: string;
  productType: string;
  size: string;
  colour: string;
  slug: string;
  image: string;
};

type CartState = {
  lines: CartLine[];
  add(line: CartLine): void;
  setQuantity(variantId: string, quantity: number): void;
  remove(variantId: string): void;
  /** Accept the server's prices and drop lines that are gone. */
  reprice(prices: Map<string, number>): void;
  clear(): void;
};

const clampQty = (n: number) => Math.max(1, Math.min(MAX_CART_QUANTITY, Math.trunc(n) || 1));

export const useCart = create<CartState>()(
  persist(
    (set) => ({
      lines: [],
      add: (line) =>
        set((s) => {
          const existing = s.lines.find((l) => l.variantId === line.variantId);
          if (existing) return { lines: s.lines.map((l) => (l.variantId === line.variantId ? { ...l, unitCents: line.unitCents, quantity: clampQty(l.quantity + line.quantity) } : l)) };
          if (s.lines.length >= MAX_CART_LINES) return s;
          return { lines: [...s.lines, { ...line, quantity: clampQty(line.quantity) }] };
        }),
      setQuantity: (variantId, quantity) => set((s) => ({ lines: s.lines.map((l) => (l.variantId === variantId ? { ...l, quantity: clampQty(quantity) } : l)) })),
      remove: (variantId) => set((s) => ({ lines: s.lines.filter((l) => l.variantId !== variantId) })),
      reprice: (prices) => set((s) => ({ lines: s.lines.filter((l) => prices.has(l.variantId)).map((l) => ({ ...l, unitCents: prices.get(l.variantId)! })) })),
      clear: () => set({ lines: [] }),
    }),
    { name: "merchloop-cart", version: 1, storage: createJSONStorage(() => localStorage) },
  ),
);

export const cartCount = (lines: CartLine[]) => lines.reduce((n, l) => n + l.quantity, 0);
export const cartTotal = (lines: CartLine[]) => lines.reduce((n, l) => n + l.unitCents * l.quantity, 0);
