"use client";
import { useEffect } from "react";
import { useCart } from "@/lib/cart";

/** Right after a paid checkout the cart is done with: empty it once per order (not on later visits). */
export function ClearCartOnce({ orderId, paidAt }: { orderId: string; paidAt: string | null }) {
  useEffect(() => {
    const key = `merchloop-cart-cleared:${orderId}`;
    if (!paidAt || Date.now() - new Date(paidAt).getTime() > 60 * 60_000 || localStorage.getItem(key)) return;
    localStorage.setItem(key, "1");
    useCart.getState().clear();
  }, [orderId, paidAt]);
  return null;
}
