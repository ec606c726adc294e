import { limitedProcedure } from "../../trpc";
import { createOrder } from "../../../services/shop/create-order";
import { ZCreateOrder } from "../../../services/shop/schema";

/** The storefront cart's checkout: the same service as POST /api/orders. */
export const checkout = limitedProcedure("create").input(ZCreateOrder).mutation(async ({ input }) => {
  const o = await createOrder(input);
  return { id: o.id, checkoutUrl: o.checkoutUrl, orderUrl: o.orderUrl };
});
