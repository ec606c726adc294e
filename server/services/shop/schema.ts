import { z } from "zod";
import { MAX_CART_LINES, MAX_CART_QUANTITY } from "../../../lib/shop";

// The cart and order contracts, shared by the public API, tRPC and the storefront.

export const ZCartLine = z.object({
  variantId: z.string().trim().min(1, "variantId is required").max(64),
  quantity: z.number().int("quantity must be a whole number").min(1, "quantity must be at least 1").max(MAX_CART_QUANTITY, `at most ${MAX_CART_QUANTITY} of one item`),
  /** The unit price the shopper saw; a different current price refuses the order instead of charging it. */
  unitCents: z.number().int().min(0).optional(),
});

export const ZCart = z.array(ZCartLine).min(1, "The cart is empty").max(MAX_CART_LINES, `At most ${MAX_CART_LINES} different items per order`);

export const ZCreateOrder = z.object({
  items: ZCart,
  email: z.email("Enter a valid email address").max(254),
});

export type CartLineInput = z.infer<typeof ZCartLine>;
export type CreateOrderInput = z.input<typeof ZCreateOrder>;
