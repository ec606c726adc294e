"use client";
import { useEffect, useState } from "react";
import Link from "next/link";
import { cartCount, useCart } from "@/lib/cart";

export function CartLink() {
  const count = useCart((s) => cartCount(s.lines));
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return (
    <Link href="/cart" className="hover:text-brand-700">
      Cart{hydrated && count > 0 ? ` (${count})` : ""}
    </Link>
  );
}
